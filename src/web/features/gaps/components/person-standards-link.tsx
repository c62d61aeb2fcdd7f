import { Link } from 'react-router';

/** A person's name, opening their standards tab when the user may read people. */
export function PersonStandardsLink(p: {
  personId: number;
  fullName: string;
  canOpen: boolean;
  title: string;
}) {
  if (!p.canOpen) return <>{p.fullName}</>;
  return (
    <Link to={`/people/${p.personId}?tab=standards`} title={p.title} style={{ fontWeight: 500 }}>
      {p.fullName}
    </Link>
  );
}
