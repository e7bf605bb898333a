// Opens the browser's print dialog ("Save as PDF" gives the document); hidden itself in print.
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" class="button no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
