/**
 * QR codes drawn locally as one SVG path: the otpauth URI holds the two-factor secret, so it
 * never goes to a QR web service. The encoder (uqr) is loaded on first use, outside first paint.
 */
export interface QrPath {
  size: number;
  d: string;
}

export async function qrPath(text: string): Promise<QrPath> {
  const { encode } = await import('uqr');
  const { data, size } = encode(text, { ecc: 'M', border: 0 });
  let d = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return { size, d };
}
