-- Legal references checked against the texts (issue 16, ADR 049): correct what the shipped data
-- said wrongly, so a database installed earlier matches a fresh install (the pack is refreshed
-- from rule-pack.data.ts and policy-pack.ts on start; these rows are corrected here first, audited).
-- 1. Decree 101/2017 asked for a commitment of at least 2x the study time (Decree 171/2025 raised
--    it to 3x from 1 July 2025): the shipped value for studies begun before then was 3.
INSERT INTO "audit_log" ("action", "entity", "entity_id", "summary", "scope_path", "before", "after")
  SELECT 'policy.backfill', 'policy_value', v.id::text, v.code || ' từ ' || v.effective_from::text, NULL,
    jsonb_build_object('value', v.value, 'legalSource', v.legal_source),
    jsonb_build_object('value', 2, 'legalSource', 'Nghị định 101/2017/NĐ-CP (sửa đổi bởi Nghị định 89/2021/NĐ-CP)')
  FROM policy_values v
  WHERE v.built_in AND v.code = 'postgrad.commitment_multiplier' AND v.effective_from = '2017-10-15' AND v.value <> '2'::jsonb;
--> statement-breakpoint
UPDATE "policy_values" SET "value" = '2'::jsonb,
    "note" = 'Cam kết phục vụ ít nhất gấp 2 lần thời gian đào tạo (Nghị định 171/2025 nâng lên gấp 3 lần); áp dụng cho khóa học bắt đầu trước 01/7/2025.'
  WHERE "built_in" AND "code" = 'postgrad.commitment_multiplier' AND "effective_from" = '2017-10-15';
--> statement-breakpoint
-- 2. The 15-day report after training abroad: Circular 03/2023/TT-BNV, article 12(2), counted from
--    the day the delegation returns.
UPDATE "policy_values" SET "legal_source" = 'Thông tư 03/2023/TT-BNV, Điều 12 khoản 2',
    "note" = 'Chậm nhất sau 15 ngày kể từ ngày đoàn về nước, học viên gửi báo cáo cho cơ quan quyết định thành lập đoàn và cơ quan, đơn vị sử dụng mình.'
  WHERE "built_in" AND "code" = 'abroad.report_due_days';
--> statement-breakpoint
-- 3. The pack's rules based on Decree 101/2017 start when it took effect (15/10/2017), not on its
--    day of issue.
UPDATE "standard_rules" SET "effective_from" = '2017-10-15'
  WHERE "built_in" AND "effective_from" = '2017-09-01';
--> statement-breakpoint
-- 4. Programmes: the merged Party commission's name (from 3 February 2025), and no programme in
--    force from 1 July 2025 based on Decree 101/2017 (replaced that day by Decree 171/2025).
INSERT INTO "audit_log" ("action", "entity", "entity_id", "summary", "scope_path", "before", "after")
  SELECT 'programme.backfill', 'programme', p.id::text, p.code, u.path,
    jsonb_build_object('legalBasis', p.legal_basis),
    jsonb_build_object('legalBasis', CASE
      WHEN p.legal_basis LIKE '%Ban Tuyên giáo Trung ương%'
        THEN replace(p.legal_basis, 'Ban Tuyên giáo Trung ương', 'Ban Tuyên giáo và Dân vận Trung ương')
      ELSE 'Nghị định 171/2025/NĐ-CP: bồi dưỡng theo tiêu chuẩn ngạch, chức vụ, chức danh' END)
  FROM programmes p JOIN org_units u ON u.id = p.owner_unit_id
  WHERE p.legal_basis LIKE '%Ban Tuyên giáo Trung ương%'
     OR (p.effective_from >= '2025-07-01' AND p.legal_basis LIKE '%101/2017%');
--> statement-breakpoint
UPDATE "programmes" SET "legal_basis" = replace("legal_basis", 'Ban Tuyên giáo Trung ương', 'Ban Tuyên giáo và Dân vận Trung ương')
  WHERE "legal_basis" LIKE '%Ban Tuyên giáo Trung ương%';
--> statement-breakpoint
UPDATE "programmes" SET "legal_basis" = 'Nghị định 171/2025/NĐ-CP: bồi dưỡng theo tiêu chuẩn ngạch, chức vụ, chức danh'
  WHERE "effective_from" >= '2025-07-01' AND "legal_basis" LIKE '%101/2017%';
