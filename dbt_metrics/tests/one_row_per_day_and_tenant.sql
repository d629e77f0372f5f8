-- daily_tenant_metrics and daily_chat_metrics: one row per day and tenant.
select metric_date, tenant_id, 'daily_tenant_metrics' as mart, count(*) as rows
from {{ ref('daily_tenant_metrics') }}
group by metric_date, tenant_id
having count(*) > 1
union all
select metric_date, tenant_id, 'daily_chat_metrics', count(*)
from {{ ref('daily_chat_metrics') }}
group by metric_date, tenant_id
having count(*) > 1
