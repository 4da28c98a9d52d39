export function DashboardScreen() {
  return <div>DashboardScreen</div>;
}
