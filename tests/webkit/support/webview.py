#!/usr/bin/python3
"""A WebKitGTK web view whose website data persists in a directory, driven by JavaScript read from stdin.

Usage: webview.py --data-dir DIR --url URL [--ephemeral] < steps.json

steps.json is a JSON array of async function bodies. The view loads URL, then runs each body in the page in turn
(awaiting the promise it returns) and prints one JSON line per step: {"ok": true, "value": ...} or
{"ok": false, "error": "..."}. A first line reports the view: {"ready": true, "ephemeral": bool, "webkit": "2.50.6"}.
Running it again with the same --data-dir is a browser restart: IndexedDB, caches and service workers stay.
"""
import argparse
import json
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
gi.require_version("JavaScriptCore", "4.1")
from gi.repository import GLib, Gtk, WebKit2  # noqa: E402

TIMEOUT_SECONDS = 60


def emit(line):
    print(json.dumps(line), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--ephemeral", action="store_true")
    options = parser.parse_args()
    steps = json.load(sys.stdin)

    if options.ephemeral:
        manager = WebKit2.WebsiteDataManager.new_ephemeral()
    else:
        manager = WebKit2.WebsiteDataManager(
            base_data_directory=f"{options.data_dir}/data",
            base_cache_directory=f"{options.data_dir}/cache",
        )
    context = WebKit2.WebContext.new_with_website_data_manager(manager)
    view = WebKit2.WebView.new_with_context(context)
    window = Gtk.Window()
    window.set_default_size(360, 640)
    window.add(view)
    window.show_all()

    state = {"exit": 0, "started": False}

    def finish(code):
        state["exit"] = code
        Gtk.main_quit()
        return False

    def run(index):
        if index == len(steps):
            finish(0)
            return

        def done(_view, result):
            try:
                value = view.call_async_javascript_function_finish(result)
                emit({"ok": True, "value": json.loads(value.to_json(0) or "null")})
            except GLib.Error as error:
                emit({"ok": False, "error": error.message})
            run(index + 1)

        view.call_async_javascript_function(steps[index], -1, None, None, None, None, done)

    def on_load(_view, event):
        if event == WebKit2.LoadEvent.FINISHED and not state["started"]:
            state["started"] = True
            emit({
                "ready": True,
                "ephemeral": manager.is_ephemeral(),
                "webkit": f"{WebKit2.get_major_version()}.{WebKit2.get_minor_version()}.{WebKit2.get_micro_version()}",
            })
            run(0)

    def on_failed(_view, _event, uri, error):
        emit({"ok": False, "error": f"load of {uri} failed: {error.message}"})
        finish(1)
        return True

    view.connect("load-changed", on_load)
    view.connect("load-failed", on_failed)
    GLib.timeout_add_seconds(TIMEOUT_SECONDS, lambda: (emit({"ok": False, "error": "timed out"}), finish(1))[1])
    view.load_uri(options.url)
    Gtk.main()
    sys.exit(state["exit"])


if __name__ == "__main__":
    main()
