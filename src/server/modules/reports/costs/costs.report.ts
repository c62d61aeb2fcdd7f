/**
 * Training costs ("Kinh phí đào tạo, bồi dưỡng", ADR 039): each class organised in the subtree
 * that ended in the period, each delegation abroad that returned in it and each postgraduate
 * sponsorship that started in it, with the estimate, what was actually spent and what was settled,
 * by funding source, and the cost per trainee estimated and actual; the same rolled up by plan
 * line; totals. What counts is `costs.items.ts`.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { encodeCell, ReportPostFilters, type ReportRow } from '../../../../contracts/reports';
import { hasPostFilter } from '../../codes/post-filters';
import {
  cellOf,
  codeLabels,
  defineReport,
  describeFilters,
  peoplePage,
  periodOf,
  postFiltersOf,
} from '../framework';
import { perHead } from '../numbers';
import { type CostItem, chargedItems, type ItemKind, learnersOf, type Money } from './costs.items';

const Cell = z.object({
  by: z.enum(['class', 'abroad', 'postgrad', 'line', 'all']),
  id: z.number().int().nullable(),
});

interface Sums {
  classes: number;
  trainees: number;
  estimate: Map<string, number>;
  actual: Map<string, number>;
  settled: number;
}

const addMoney = (to: Map<string, number>, m: Money) => {
  for (const [k, v] of Object.entries(m)) to.set(k, (to.get(k) ?? 0) + v);
};
const addTo = (s: Sums, c: CostItem) => {
  if (c.kind === 'class') s.classes += 1;
  s.trainees += c.trainees;
  addMoney(s.estimate, c.estimate);
  addMoney(s.actual, c.actual);
  s.settled += c.settled ?? 0;
  return s;
};
const empty = (): Sums => ({ classes: 0, trainees: 0, estimate: new Map(), actual: new Map(), settled: 0 });
const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

export const costsReport = defineReport({
  name: 'costs',
  summary:
    'Training costs of classes, delegations abroad and postgraduate study: estimate, actual and settled by funding source, per trainee',
  query: ReportPostFilters,
  async build(ctx, f) {
    const period = periodOf(f, ctx.clock);
    const postFilters = await postFiltersOf(ctx, f);
    const items = await chargedItems(ctx, f);
    const labels = await codeLabels(ctx, 'funding_source');
    const used = new Set(items.flatMap((c) => [...Object.keys(c.estimate), ...Object.keys(c.actual)]));
    // Only the sources used, in the code list's order (a narrower sheet to print).
    const sources = [
      ...[...labels.keys()].filter((s) => used.has(s)),
      ...[...used].filter((s) => !labels.has(s)).sort(),
    ];

    const cells = (s: Sums): ReportRow['cells'] => {
      const estimate = total(s.estimate);
      const actual = total(s.actual);
      const out: ReportRow['cells'] = { classes: s.classes, trainees: s.trainees, total: estimate };
      for (const src of sources) {
        out[`src_${src}`] = s.estimate.get(src) ?? 0;
        out[`act_${src}`] = s.actual.get(src) ?? 0;
      }
      out.actual = actual;
      out.settled = s.settled;
      out.per_trainee = perHead(estimate, s.trainees);
      out.actual_per_trainee = perHead(actual, s.trainees);
      return out;
    };
    const drill = (by: z.infer<typeof Cell>['by'], id: number | null) => ({
      trainees: encodeCell({ by, id }),
    });
    const header = (key: string, label: string): ReportRow => ({
      key,
      subtotal: true,
      cells: { code: label },
    });

    const sections: [ItemKind, string, string][] = [
      ['class', 'Theo lớp', 'By class'],
      ['abroad', 'Đào tạo, bồi dưỡng ở nước ngoài (theo đoàn)', 'Training abroad (by delegation)'],
      ['postgrad', 'Đào tạo sau đại học (theo người được cử)', 'Postgraduate study (by person sponsored)'],
    ];
    const ROMAN = ['I', 'II', 'III', 'IV'];
    const rows: ReportRow[] = [];
    for (const [kind, vi, en] of sections) {
      const mine = items.filter((c) => c.kind === kind);
      if (kind !== 'class' && mine.length === 0) continue;
      const n = ROMAN[rows.filter((r) => r.subtotal).length];
      rows.push(header(`s-${kind}`, ctx.t(`${n}. ${vi}`, `${n}. ${en}`)));
      for (const c of mine)
        rows.push({
          key: `${kind === 'class' ? 'c' : kind === 'abroad' ? 'd' : 'g'}${c.id}`,
          depth: 1,
          cells: {
            code: c.code,
            name: c.name,
            organiser: c.organiser,
            ...cells(addTo(empty(), c)),
            settled: c.settled,
          },
          drill: drill(kind, c.id),
        });
    }
    const byLine = new Map<number | null, { plan: string | null; line: string | null; sums: Sums }>();
    for (const c of items) {
      const entry = byLine.get(c.lineId) ?? { plan: c.planLabel, line: c.lineLabel, sums: empty() };
      addTo(entry.sums, c);
      byLine.set(c.lineId, entry);
    }
    const lineKeys = [...byLine.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : 0));
    const n = ROMAN[rows.filter((r) => r.subtotal).length];
    rows.push(header('s-line', ctx.t(`${n}. Theo dòng kế hoạch`, `${n}. By plan line`)));
    for (const id of lineKeys) {
      const e = byLine.get(id) as { plan: string | null; line: string | null; sums: Sums };
      rows.push({
        key: `l${id ?? 'none'}`,
        depth: 1,
        cells: {
          name: id === null ? ctx.t('Ngoài kế hoạch', 'Outside any plan') : e.line,
          organiser: e.plan,
          ...cells(e.sums),
        },
        drill: drill('line', id),
      });
    }
    const money = (key: string, vi: string, en: string, group?: string, detail?: boolean) => ({
      key,
      label: ctx.t(vi, en),
      kind: 'money' as const,
      ...(group ? { group } : {}),
      ...(detail ? { detail } : {}),
    });
    const estimateBy = ctx.t('Dự toán theo nguồn (đồng)', 'Estimate by funding source (VND)');
    const actualBy = ctx.t('Thực chi theo nguồn (đồng)', 'Actual by funding source (VND)');
    const perTrainee = ctx.t('Bình quân một học viên (đồng)', 'Per trainee (VND)');
    return {
      report: 'costs',
      title: ctx.t('Kinh phí đào tạo, bồi dưỡng', 'Training costs'),
      readAt: ctx.readAt,
      // Costs are per class, delegation or sponsorship: no learner category applies.
      filters: [...describeFilters(ctx, { ...f, category: undefined }, { period }), ...postFilters],
      columns: [
        {
          key: 'code',
          label: ctx.t('Mã lớp, đoàn, người', 'Class, delegation, person'),
          kind: 'text',
          width: 14,
        },
        { key: 'name', label: ctx.t('Tên, dòng kế hoạch', 'Name, plan line'), kind: 'text', width: 36 },
        {
          key: 'organiser',
          label: ctx.t('Đơn vị tổ chức, đơn vị lập kế hoạch', 'Organiser, planning unit'),
          kind: 'text',
          width: 28,
        },
        { key: 'classes', label: ctx.t('Số lớp', 'Classes'), kind: 'int' },
        { key: 'trainees', label: ctx.t('Học viên', 'Trainees'), kind: 'int' },
        // The split by source is a breakdown the screen folds (ADR 061); the totals stay in view.
        ...sources.map((s) => money(`src_${s}`, labels.get(s) ?? s, labels.get(s) ?? s, estimateBy, true)),
        money('total', 'Tổng dự toán (đồng)', 'Total estimate (VND)'),
        ...sources.map((s) => money(`act_${s}`, labels.get(s) ?? s, labels.get(s) ?? s, actualBy, true)),
        money('actual', 'Tổng thực chi (đồng)', 'Total actual (VND)'),
        money('settled', 'Đã quyết toán (đồng)', 'Settled (VND)'),
        money('per_trainee', 'Dự toán', 'Estimate', perTrainee),
        money('actual_per_trainee', 'Thực chi', 'Actual', perTrainee),
      ],
      rows,
      totals: {
        key: 'total',
        subtotal: true,
        cells: { code: ctx.t('Tổng cộng', 'Total'), ...cells(items.reduce(addTo, empty())) },
        drill: drill('all', null),
      },
      notes: [
        ...(hasPostFilter(f) ? [POST_NOTE(ctx)] : []),
        ctx.t(
          'Lớp thuộc kỳ khi ngày kết thúc nằm trong kỳ; chỉ tính lớp đã mở (từ khi nhận cử học, không tính lớp huỷ) do đơn vị và các đơn vị trực thuộc tổ chức. Đoàn đi nước ngoài thuộc kỳ khi ngày về nằm trong kỳ (đoàn đã phê duyệt, không tính đoàn huỷ); người được cử đi học sau đại học thuộc kỳ khi ngày bắt đầu học nằm trong kỳ. Lọc cấp là cấp của đơn vị tổ chức (đơn vị cử đi học).',
          'A class belongs to the period when its end date falls in it; only opened classes (from nominations on, cancelled ones excluded) organised by the unit and its subunits count. A delegation abroad belongs to it when its return falls in it (approved ones, cancelled excluded); a postgraduate sponsorship when its start falls in it. The level filter is the organiser’s (sponsoring unit’s) level.',
        ),
        ctx.t(
          'Dự toán: kinh phí dự kiến ghi trên lớp, trên đoàn theo từng nguồn. Thực chi: các khoản chi đã ghi của lớp (thù lao giảng viên, tài liệu, hội trường, hỗ trợ học viên, chi khác), chi phí thực tế của đoàn; với đào tạo sau đại học, dự toán và thực chi đều là kinh phí cử đi học (F). Đã quyết toán: tổng quyết toán của các lớp đã quyết toán. Học viên: người được duyệt vào lớp, thành viên đoàn, người được cử đi học. Bình quân = tổng / số học viên.',
          'Estimate: the budget recorded on each class and delegation by funding source. Actual: the spending lines recorded on classes (lecturer fees, materials, venue, learner allowances, other) and the actual cost of delegations; for postgraduate study both are the sponsorship’s funding (F). Settled: the settled totals of settled classes. Trainees: learners approved into classes, delegation members, people sponsored. Per trainee = total / trainees.',
        ),
        ctx.t(
          'Căn cứ: Thông tư 36/2018/TT-BTC về lập dự toán, quản lý, sử dụng và quyết toán kinh phí đào tạo, bồi dưỡng cán bộ, công chức, viên chức (nội dung chi: Điều 5).',
          'Source: Circular 36/2018/TT-BTC on budgeting, use and settlement of training funds for cadres, civil servants and public employees (spending items: article 5).',
        ),
      ],
    };
  },
  async people(ctx, f, token, page) {
    await postFiltersOf(ctx, f);
    const cell = cellOf(token, Cell);
    const match =
      cell.by === 'all'
        ? sql`true`
        : cell.by === 'line'
          ? cell.id === null
            ? sql`w.line_id is null`
            : sql`w.line_id = ${cell.id}`
          : sql`w.kind = ${cell.by} and w.item_id = ${cell.id ?? 0}`;
    const who = sql`select w.person_id, w.detail from (${learnersOf(ctx, f)}) w where ${match}`;
    return peoplePage(ctx, who, page, ctx.t('Học viên', 'Trainees'));
  },
});

/** What a post filter does to costs (ADR 061), said on the table, the sheet and the paper. */
const POST_NOTE = (ctx: { t(vi: string, en: string): string }) =>
  ctx.t(
    'Lọc theo nhóm chức danh, chức danh (chức danh giữ vào ngày cuối kỳ): chỉ tính học viên thuộc nhóm; kinh phí của mỗi lớp, đoàn, người được cử đi học được phân bổ theo đầu học viên (kinh phí × số học viên thuộc nhóm / tổng số học viên), làm tròn đến đồng; chỉ liệt kê lớp, đoàn có học viên thuộc nhóm.',
    'Filtered by post group or post (the post held on the period’s end): only trainees of the group count; the money of each class, delegation and sponsorship is charged per trainee (amount × trainees of the group / all trainees), rounded to the dong; only the classes and delegations with trainees of the group are listed.',
  );
