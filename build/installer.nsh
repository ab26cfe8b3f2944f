; VănThư's additions to the NSIS uninstaller: the data folder (registers, attachments, backups
; settings) stays unless the user says otherwise; a silent uninstall (/S) always keeps it.
!macro customUnInstall
  ${ifNot} ${isUpdated}
    IfSilent keep
    MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "Xóa cả dữ liệu VănThư trên máy này (sổ đăng ký, tệp đính kèm)?$\r$\nChọn Không để giữ lại (khuyên dùng)." IDYES remove IDNO keep
    remove:
      SetShellVarContext current
      RMDir /r "$APPDATA\VanThu"
    keep:
  ${endIf}
!macroend
