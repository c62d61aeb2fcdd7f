import { Button, type ButtonProps, Tooltip } from 'antd';
import { type ReactNode, useId } from 'react';

/** Read by screen readers, not drawn: the reason stays with the button without a hover. */
const UNSEEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
} as const;

/**
 * The approve button of a plan, a needs proposal or a nomination. When the server says the user
 * may not approve (the four-eyes rule, ADR 038) it is disabled, and its tooltip (and its
 * description, for screen readers) gives the server's own reason; otherwise the plain button.
 */
export function ApproveButton({
  blockedReason,
  children,
  ...rest
}: ButtonProps & { blockedReason: string | null | undefined; children: ReactNode }) {
  const id = useId();
  if (!blockedReason) {
    return (
      <Button type="primary" {...rest}>
        {children}
      </Button>
    );
  }
  return (
    <Tooltip title={blockedReason}>
      {/* A disabled button gets no pointer events: the wrapper carries the hover. */}
      <span data-testid="approve-blocked" style={{ display: 'inline-block', cursor: 'not-allowed' }}>
        <Button
          type="primary"
          {...rest}
          disabled
          onClick={undefined}
          aria-describedby={id}
          style={{ pointerEvents: 'none' }}
        >
          {children}
        </Button>
        <span id={id} style={UNSEEN}>
          {blockedReason}
        </span>
      </span>
    </Tooltip>
  );
}
