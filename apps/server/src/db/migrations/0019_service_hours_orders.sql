-- Service hours are one figure: confirmed activity hours plus hours paid for service orders. Order payments
-- now add to volunteer.confirmed_hours; add the hours already paid before this change.
UPDATE volunteer v SET confirmed_hours = v.confirmed_hours + x.h
FROM (
  SELECT acc.tenant_id, acc.volunteer_id, sum(e.amount) AS h
  FROM timebank_journal j
  JOIN timebank_entry e ON e.tenant_id = j.tenant_id AND e.journal_id = j.id AND e.amount > 0
  JOIN timebank_account acc ON acc.tenant_id = e.tenant_id AND acc.id = e.account_id AND acc.volunteer_id IS NOT NULL
  WHERE j.source_kind = 'service_order'
  GROUP BY acc.tenant_id, acc.volunteer_id
) x
WHERE v.tenant_id = x.tenant_id AND v.id = x.volunteer_id;
