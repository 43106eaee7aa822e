export function VersionsView() {
  return <div className="empty">Versions</div>;
}
