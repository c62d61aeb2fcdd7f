import { Button, type ButtonProps, Tooltip } from 'antd';
import type { ReactNode } from 'react';

/**
 * The approve button of a plan, a needs proposal or a nomination. When the server says the user
 * may not approve (the four-eyes rule, ADR 038) it is disabled, and its tooltip gives the
 * server's own reason; otherwise it is the plain primary button.
 */
export function ApproveButton({
  blockedReason,
  children,
  ...rest
}: ButtonProps & { blockedReason: string | null | undefined; children: ReactNode }) {
  if (!blockedReason) {
    return (
      <Button type="primary" {...rest}>
        {children}
      </Button>
    );
  }
  return (
    <Tooltip title={blockedReason}>
      {/* A disabled button gets no pointer events: the wrapper carries the hover and the focus. */}
      <span data-testid="approve-blocked" tabIndex={0} style={{ display: 'inline-block', cursor: 'not-allowed' }}>
        <Button type="primary" {...rest} disabled onClick={undefined} style={{ pointerEvents: 'none' }}>
          {children}
        </Button>
      </span>
    </Tooltip>
  );
}
