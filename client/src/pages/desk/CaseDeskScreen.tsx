export function CaseDeskScreen() {
  return <div>CaseDeskScreen</div>;
}
