// An edXML package laid out exactly as the public government SDK sample is (PVN-Organization/
// API-Gateway-iOffice, `JDK 1.8/SDKVXP_Example/resources/edoc_new.edxml`): the same elements,
// prefixes, namespaces and places — the attachments outside the envelope, an unprefixed
// Signature in the header — with this office's own values. Only the structure is taken.
export interface SampleValues {
  fromId?: string;
  toId?: string;
  documentId?: string;
  codeNumber?: string;
  codeNotation?: string;
  date?: string;
  subject?: string;
  priority?: string;
  business?: string;
  businessDocumentId?: string;
  /** Put inside OtherInfo as it is (a claimed SecurityLevel, for instance). */
  otherInfoExtra?: string;
  attachments?: { name: string; contentType: string; base64: string }[];
}

export function samplePackage(v: SampleValues = {}): string {
  const fromId = v.fromId ?? '000.00.00.H42';
  const toId = v.toId ?? '000.00.12.H42';
  const codeNumber = v.codeNumber ?? '1234';
  const codeNotation = v.codeNotation ?? 'SGDĐT-GDTrH';
  const date = v.date ?? '2026/11/20';
  const documentId = v.documentId ?? `${fromId},${date},${codeNumber}/${codeNotation}`;
  const atts = v.attachments ?? [];
  return `<?xml version="1.0" encoding="UTF-8"?>
<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
  <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
    <edXML:edXMLHeader>
      <edXML:MessageHeader>
        <edXML:From>
          <edXML:OrganId>${fromId}</edXML:OrganId>
          <edXML:OrganizationInCharge>Sở Giáo dục và Đào tạo Hà Tĩnh</edXML:OrganizationInCharge>
          <edXML:OrganName>Sở Giáo dục và Đào tạo Hà Tĩnh</edXML:OrganName>
          <edXML:OrganAdd>Số 2 Nguyễn Du, phường Thành Sen, Hà Tĩnh</edXML:OrganAdd>
          <edXML:Email>vanthu@hatinh.edu.vn</edXML:Email>
          <edXML:Telephone>0239 3855 000</edXML:Telephone>
          <edXML:Fax>0239 3855 001</edXML:Fax>
          <edXML:Website>hatinh.edu.vn</edXML:Website>
        </edXML:From>

        <edXML:To>
          <edXML:OrganId>${toId}</edXML:OrganId>
          <edXML:OrganizationInCharge>Trường THPT Phan Đình Phùng</edXML:OrganizationInCharge>
          <edXML:OrganName>Trường THPT Phan Đình Phùng</edXML:OrganName>
          <edXML:OrganAdd>Phường Thành Sen, Hà Tĩnh</edXML:OrganAdd>
          <edXML:Email>c3pdp@hatinh.edu.vn</edXML:Email>
          <edXML:Telephone>0239 3856 000</edXML:Telephone>
          <edXML:Fax>0239 3856 001</edXML:Fax>
          <edXML:Website>pdp.hatinh.edu.vn</edXML:Website>
        </edXML:To>
        <edXML:DocumentId>${documentId}</edXML:DocumentId>
        <edXML:Code>
          <edXML:CodeNumber>${codeNumber}</edXML:CodeNumber>
          <edXML:CodeNotation>${codeNotation}</edXML:CodeNotation>
        </edXML:Code>
        <edXML:PromulgationInfo>
          <edXML:Place>Hà Tĩnh</edXML:Place>
          <edXML:PromulgationDate>${date}</edXML:PromulgationDate>
        </edXML:PromulgationInfo>
        <edXML:DocumentType>
          <edXML:Type>1</edXML:Type>
          <edXML:TypeDetail>0</edXML:TypeDetail>
          <edXML:TypeName>Công văn</edXML:TypeName>
        </edXML:DocumentType>
        <edXML:Subject>${v.subject ?? 'V/v tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh năm học 2026 - 2027'}</edXML:Subject>
        <edXML:Content>V/v tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh</edXML:Content>
        <edXML:SignerInfo>
          <edXML:Competence>KT. GIÁM ĐỐC</edXML:Competence>
          <edXML:Position>Phó Giám đốc</edXML:Position>
          <edXML:FullName>Nguyễn Văn Đức</edXML:FullName>
        </edXML:SignerInfo>
        <edXML:DueDate>2026/12/15</edXML:DueDate>
        <edXML:OtherInfo>
          <edXML:Priority>${v.priority ?? '1'}</edXML:Priority>
          <edXML:SphereOfPromulgation>Liên thông văn bản quốc gia</edXML:SphereOfPromulgation>
          <edXML:TyperNotation>VT</edXML:TyperNotation>
          <edXML:PromulgationAmount>30</edXML:PromulgationAmount>
          <edXML:PageAmount>2</edXML:PageAmount>
          <edXML:Direction>false</edXML:Direction>
          <edXML:Appendixes>
            <edXML:Appendix>Danh sách các trường tham dự</edXML:Appendix>
          </edXML:Appendixes>${v.otherInfoExtra ?? ''}
        </edXML:OtherInfo>
        <edXML:SteeringType>1</edXML:SteeringType>
        <edXML:ToPlaces>
          <edXML:Place>Các trường THPT trong tỉnh</edXML:Place>
          <edXML:Place>Lưu: VT, GDTrH</edXML:Place>
        </edXML:ToPlaces>
      </edXML:MessageHeader>
      <edXML:TraceHeaderList>
        <edXML:TraceHeader>
          <edXML:OrganId>${fromId}</edXML:OrganId>
          <edXML:Timestamp>2026/11/20 15:30:00</edXML:Timestamp>
        </edXML:TraceHeader>
        <edXML:Bussiness>
          <edXML:DocumentId>${v.businessDocumentId ?? documentId}</edXML:DocumentId>
          <edXML:BussinessDocType>${v.business ?? '0'}</edXML:BussinessDocType>
          <edXML:BussinessDocReason>Văn bản điện tử mới</edXML:BussinessDocReason>
          <edXML:Paper>0</edXML:Paper>
          <edXML:StaffInfo>
            <edXML:Department>Văn phòng Sở</edXML:Department>
            <edXML:Staff>Trần Thị Lan</edXML:Staff>
            <edXML:Email>lan.vt@hatinh.edu.vn</edXML:Email>
            <edXML:Mobile>0912000001</edXML:Mobile>
          </edXML:StaffInfo>
        </edXML:Bussiness>
      </edXML:TraceHeaderList>
      <Signature>
        <SignedInfo>
          <CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315" />
          <SignatureMethod Algorithm="http://www.w3.org/2000/09/xmldsig#rsa-sha1" />
          <Reference URI="">
            <DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1" />
            <DigestValue>AAAA</DigestValue>
          </Reference>
        </SignedInfo>
        <SignatureValue>AAAA</SignatureValue>
      </Signature>
    </edXML:edXMLHeader>
    <edXML:edXMLBody>
      <edXML:edXMLManifest version="1.0">${atts
        .map(
          (a, i) => `
        <edXML:Reference>
          <edXML:ContentId>cid:${i + 1}</edXML:ContentId>
          <edXML:ContentType>${a.contentType}</edXML:ContentType>
          <edXML:Description>${a.name}</edXML:Description>
          <edXML:AttachmentName>${a.name}</edXML:AttachmentName>
        </edXML:Reference>`,
        )
        .join('')}
      </edXML:edXMLManifest>
    </edXML:edXMLBody>
  </edXML:edXMLEnvelope>
  <AttachmentEncoded>${atts
    .map(
      (a, i) => `
    <Attachment>
      <ContentId>cid:${i + 1}</ContentId>
      <AttachmentName>${a.name}</AttachmentName>
      <Description>${a.name}</Description>
      <ContentType>${a.contentType}</ContentType>
      <edXML:ContentTransferEncoded xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">${a.base64}</edXML:ContentTransferEncoded>
    </Attachment>`,
    )
    .join('')}
  </AttachmentEncoded>
</edXML>
`;
}
