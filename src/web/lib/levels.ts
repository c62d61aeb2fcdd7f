/** The code list of a programme kind's levels (postgraduate study uses the education levels), as on the server. */
export const levelList = (kind: string | null | undefined) =>
  !kind ? null : kind === 'POSTGRADUATE' ? 'level_EDUCATION' : `level_${kind}`;
