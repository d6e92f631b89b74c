/**
 * QR codes drawn locally as one SVG path: the otpauth URI holds the two-factor secret, so it
 * never goes to a QR web service. The encoder (uqr) is loaded on first use, outside first paint.
 */
export interface QrPath {
  /** Modules across, quiet zone included. */
  size: number;
  d: string;
}

/** The light margin the QR spec asks for, in modules: without it phone cameras often fail to find the code. */
export const QUIET_ZONE = 4;

export async function qrPath(text: string): Promise<QrPath> {
  const { encode } = await import('uqr');
  const { data, size } = encode(text, { ecc: 'M', border: QUIET_ZONE });
  let d = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return { size, d };
}
