// The icons the program draws, hidden from screen readers: antd names each one in English
// ("dashboard", "logout") and a Vietnamese user hears the button's own words instead.
import * as Ant from '@ant-design/icons';
import type { AntdIconProps } from '@ant-design/icons/lib/components/AntdIcon';
import type { ComponentType } from 'react';

function quiet(Icon: ComponentType<AntdIconProps>) {
  const Quiet = (props: AntdIconProps) => <Icon aria-hidden {...props} />;
  Quiet.displayName = Icon.displayName;
  return Quiet;
}

export const AppstoreOutlined = quiet(Ant.AppstoreOutlined);
export const FileSearchOutlined = quiet(Ant.FileSearchOutlined);
export const ArrowDownOutlined = quiet(Ant.ArrowDownOutlined);
export const ArrowUpOutlined = quiet(Ant.ArrowUpOutlined);
export const BarChartOutlined = quiet(Ant.BarChartOutlined);
export const BellOutlined = quiet(Ant.BellOutlined);
export const CheckSquareOutlined = quiet(Ant.CheckSquareOutlined);
export const CloudDownloadOutlined = quiet(Ant.CloudDownloadOutlined);
export const CloudSyncOutlined = quiet(Ant.CloudSyncOutlined);
export const DashboardOutlined = quiet(Ant.DashboardOutlined);
export const DeleteOutlined = quiet(Ant.DeleteOutlined);
export const DisconnectOutlined = quiet(Ant.DisconnectOutlined);
export const DownloadOutlined = quiet(Ant.DownloadOutlined);
export const EditOutlined = quiet(Ant.EditOutlined);
export const ExportOutlined = quiet(Ant.ExportOutlined);
export const EyeOutlined = quiet(Ant.EyeOutlined);
export const FileExcelOutlined = quiet(Ant.FileExcelOutlined);
export const FilePdfOutlined = quiet(Ant.FilePdfOutlined);
export const FileWordOutlined = quiet(Ant.FileWordOutlined);
export const FolderAddOutlined = quiet(Ant.FolderAddOutlined);
export const FolderOpenOutlined = quiet(Ant.FolderOpenOutlined);
export const HistoryOutlined = quiet(Ant.HistoryOutlined);
export const HolderOutlined = quiet(Ant.HolderOutlined);
export const ImportOutlined = quiet(Ant.ImportOutlined);
export const InboxOutlined = quiet(Ant.InboxOutlined);
export const LinkOutlined = quiet(Ant.LinkOutlined);
export const LockOutlined = quiet(Ant.LockOutlined);
export const LogoutOutlined = quiet(Ant.LogoutOutlined);
export const PaperClipOutlined = quiet(Ant.PaperClipOutlined);
export const PlusOutlined = quiet(Ant.PlusOutlined);
export const PrinterOutlined = quiet(Ant.PrinterOutlined);
export const ReloadOutlined = quiet(Ant.ReloadOutlined);
export const SaveOutlined = quiet(Ant.SaveOutlined);
export const SafetyCertificateOutlined = quiet(Ant.SafetyCertificateOutlined);
export const SafetyOutlined = quiet(Ant.SafetyOutlined);
export const SearchOutlined = quiet(Ant.SearchOutlined);
export const SendOutlined = quiet(Ant.SendOutlined);
export const SettingOutlined = quiet(Ant.SettingOutlined);
export const SwapOutlined = quiet(Ant.SwapOutlined);
export const SyncOutlined = quiet(Ant.SyncOutlined);
export const UserOutlined = quiet(Ant.UserOutlined);
