/** Recipe of the update route of official document templates (ADR 040). */
import { DEFAULT_TEMPLATES } from '../../../modules/documents/documents.defaults';
import type { Rec, Recipe } from '../recipe';

/** The summons template of the admin's unit, every optional line filled. */
const template: Recipe = {
  async setup(w) {
    const { source: _s, ...body } = DEFAULT_TEMPLATES.summons;
    await w.put(w.admin, '/api/documents/templates/summons', {
      ...body,
      parentBody: 'UBND tỉnh Thái Nguyên',
      issuingBody: 'Trung tâm Chính trị',
      symbol: 'GTT-TTCT',
      signerAuthority: 'KT. GIÁM ĐỐC',
      signerTitle: 'PHÓ GIÁM ĐỐC',
      signerName: 'Nguyễn Văn Hùng',
    });
    return {
      params: { kind: 'summons' },
      read: async () => {
        const list = await w.get<{ items: Rec[] }>(w.admin, '/api/documents/templates');
        return list.items.find((x) => x.kind === 'summons') as Rec;
      },
    };
  },
  values: {
    body: () => [['Ông/Bà: {{person.name}}.', 'Đề nghị có mặt đúng giờ./.']],
    recipients: () => [['Như trên;', 'Lưu: VT, ĐT.']],
  },
};

export const DOCUMENTS_RECIPES: Record<string, Recipe> = {
  'PUT /api/documents/templates/{kind}': template,
};
