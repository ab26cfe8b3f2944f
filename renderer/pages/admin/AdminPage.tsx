// Quản trị: the unit's users (roles, department, lock), its departments, office settings, access to documents, backups, this PC.
import { AccessReportCard } from './AccessReportCard';
import { BackupCard } from './BackupCard';
import { DepartmentsCard } from './DepartmentsCard';
import { ExchangeCard } from './ExchangeCard';
import { OfficeSettingsCard } from './OfficeSettingsCard';
import { ReformCard } from './ReformCard';
import { ThisPcCard } from './ThisPcCard';
import { TrustRootsCard } from './TrustRootsCard';
import { SigningCard } from './SigningCard';
import { UsersCard } from './UsersCard';

export function AdminPage() {
  return (
    <div className="vt-page" style={{ overflow: 'auto' }}>
      <h1 className="vt-page-title">Quản trị</h1>
      <UsersCard />
      <DepartmentsCard />
      <OfficeSettingsCard />
      <AccessReportCard />
      <ExchangeCard />
      <BackupCard />
      <ReformCard />
      <ThisPcCard />
      <TrustRootsCard />
      <SigningCard />
    </div>
  );
}
