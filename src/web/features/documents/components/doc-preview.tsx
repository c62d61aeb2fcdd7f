import type { DocModelT, DocPageT } from '../../../../contracts/documents';

const paper: React.CSSProperties = {
  background: '#fff',
  color: '#000',
  fontFamily: '"Times New Roman", Times, serif',
  fontSize: 13,
  lineHeight: 1.4,
  padding: '24px 20px 24px 36px',
  border: '1px solid #d9d9d9',
  boxShadow: '0 1px 4px rgba(0,0,0,.08)',
  marginBottom: 16,
};
const center: React.CSSProperties = { textAlign: 'center' };
const rule = (width: number): React.CSSProperties => ({
  borderTop: '1px solid #000',
  width,
  margin: '2px auto 6px',
});
const cell: React.CSSProperties = {
  border: '1px solid #000',
  padding: '2px 4px',
  fontSize: 11,
  verticalAlign: 'top',
};

function Header({ h }: { h: NonNullable<DocPageT['header']> }) {
  return (
    <div style={{ display: 'flex', gap: 8, marginBottom: 16 }}>
      <div style={{ ...center, flex: 42 }}>
        {h.parentBody ? <div>{h.parentBody.toUpperCase()}</div> : null}
        <div style={{ fontWeight: 700 }}>{h.issuingBody.toUpperCase()}</div>
        <div style={rule(60)} />
        {h.number ? <div>{h.number}</div> : null}
      </div>
      <div style={{ ...center, flex: 58 }}>
        <div style={{ fontWeight: 700 }}>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
        <div style={{ fontWeight: 700 }}>Độc lập - Tự do - Hạnh phúc</div>
        <div style={rule(170)} />
        <div style={{ fontStyle: 'italic' }}>{h.dateLine}</div>
      </div>
    </div>
  );
}

function Page({ p }: { p: DocPageT }) {
  return (
    <div style={paper}>
      {p.header ? <Header h={p.header} /> : null}
      <div style={{ ...center, fontWeight: 700, fontSize: 14 }}>{p.title}</div>
      {p.summary ? (
        <>
          <div style={{ ...center, fontWeight: 700 }}>{p.summary}</div>
          <div style={rule(90)} />
        </>
      ) : null}
      {p.paragraphs.map((x, i) => {
        const key = `${i}-${x.text.slice(0, 12)}`;
        if (x.style === 'heading')
          return (
            <p key={key} style={{ ...center, fontWeight: 700, margin: '4px 0' }}>
              {x.text}
            </p>
          );
        const m = x.style === 'article' ? /^(Điều \d+\.)(.*)$/s.exec(x.text) : null;
        return (
          <p
            key={key}
            style={{
              textIndent: 28,
              textAlign: 'justify',
              margin: '4px 0',
              fontStyle: x.style === 'italic' ? 'italic' : undefined,
            }}
          >
            {m ? (
              <>
                <b>{m[1]}</b>
                {m[2]}
              </>
            ) : (
              x.text
            )}
          </p>
        );
      })}
      {p.table ? (
        <table style={{ borderCollapse: 'collapse', width: '100%', margin: '8px 0' }}>
          <thead>
            <tr>
              {p.table.columns.map((c) => (
                <th key={c.label} style={cell}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.table.rows.map((r) => (
              <tr key={r.join('|')}>
                {p.table?.columns.map((col, j) => (
                  <td key={col.label} style={cell}>
                    {r[j]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {p.signer || p.recipients.length ? (
        <div style={{ display: 'flex', marginTop: 12 }}>
          <div style={{ flex: 1, fontSize: 12 }}>
            {p.recipients.length ? (
              <b>
                <i>Nơi nhận:</i>
              </b>
            ) : null}
            {p.recipients.map((r) => (
              <div key={r}>- {r}</div>
            ))}
          </div>
          <div style={{ ...center, flex: 1, fontWeight: 700 }}>
            {p.signer?.authority ? <div>{p.signer.authority.toUpperCase()}</div> : null}
            {p.signer ? <div>{p.signer.title.toUpperCase()}</div> : null}
            <div style={{ height: 56 }} />
            {p.signer?.name ? <div>{p.signer.name}</div> : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** A document laid out in HTML, from the same model the PDF and .docx are drawn from. */
export function DocPreview({ model, label }: { model: DocModelT; label: string }) {
  return (
    <section aria-label={label}>
      {model.pages.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: pages have no identity beyond their place.
        <Page key={i} p={p} />
      ))}
    </section>
  );
}
