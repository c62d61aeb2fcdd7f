-- "Bãi nhiệm" applies by the category held on the decision's date (ADR 063): CB or CBX until
-- 30/6/2025, CB from 1/7/2025. Existing built-in items get the dated rule; keys an admin set stay.
UPDATE "code_items" SET "meta" = jsonb_build_object('appliesToDated', jsonb_build_array(
    jsonb_build_object('validTo', '2025-06-30', 'categories', jsonb_build_array('CB', 'CBX'),
      'source', 'Luật Cán bộ, công chức số 22/2008/QH12 (sửa đổi, bổ sung bởi Luật số 52/2019/QH14)'),
    jsonb_build_object('validFrom', '2025-07-01', 'categories', jsonb_build_array('CB'),
      'source', 'Luật Cán bộ, công chức số 80/2025/QH15 (24/6/2025, hiệu lực từ 01/7/2025)')
  )) || "meta"
  WHERE "list" = 'discipline_form' AND "code" = 'BAI_NHIEM' AND "built_in" AND NOT ("meta" ? 'appliesToDated');
