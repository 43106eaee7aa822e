export function DiffView({ oldRef, newRef }: { oldRef: string; newRef: string; id: string | null }) {
  return (
    <div className="empty">
      {oldRef} → {newRef}
    </div>
  );
}
