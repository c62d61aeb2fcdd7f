-- Quy định 350-QĐ/TW (issue 16, ADR 060): the standards for intermediate political theory (party
-- member, college or higher, good or better two years running) apply TOGETHER with the target
-- group, not as a second path. The shipped versions of the first reading (PT_INTERMEDIATE_LEADERS
-- v1 without the standards, PT_INTERMEDIATE_PARTY_MEMBERS v1 without the group) end on their
-- first day (never in force, kept readable with the reason); PT_INTERMEDIATE_LEADERS v2 with both
-- comes from the pack on start (rule-pack.data.ts). Built-in rows only: a province's own versions
-- are left as they are. Each record changed is audited.
INSERT INTO "audit_log" ("action", "entity", "entity_id", "summary", "scope_path", "before", "after")
  SELECT 'eligibility_rule.backfill', 'eligibility_rule', r.id::text,
    r.code || ' v' || r.version || ' không áp dụng (Quy định 350-QĐ/TW)', NULL,
    jsonb_build_object('effectiveTo', r.effective_to, 'retiredReason', r.retired_reason),
    jsonb_build_object('effectiveTo', r.effective_from,
      'retiredReason', 'Đọc sai Quy định 350-QĐ/TW: tiêu chuẩn trung cấp (đảng viên, cao đẳng, 2 năm hoàn thành tốt) áp dụng cùng với đối tượng, không phải một đường riêng; thay bằng PT_INTERMEDIATE_LEADERS phiên bản 2.')
  FROM eligibility_rules r
  WHERE r.built_in AND r.version = 1 AND r.code IN ('PT_INTERMEDIATE_LEADERS', 'PT_INTERMEDIATE_PARTY_MEMBERS')
    AND r.effective_to IS DISTINCT FROM r.effective_from
  ORDER BY r.id;
--> statement-breakpoint
UPDATE "eligibility_rules" SET "effective_to" = "effective_from",
    "retired_reason" = 'Đọc sai Quy định 350-QĐ/TW: tiêu chuẩn trung cấp (đảng viên, cao đẳng, 2 năm hoàn thành tốt) áp dụng cùng với đối tượng, không phải một đường riêng; thay bằng PT_INTERMEDIATE_LEADERS phiên bản 2.',
    "updated_at" = now()
  WHERE "built_in" AND "version" = 1 AND "code" IN ('PT_INTERMEDIATE_LEADERS', 'PT_INTERMEDIATE_PARTY_MEMBERS')
    AND "effective_to" IS DISTINCT FROM "effective_from";
