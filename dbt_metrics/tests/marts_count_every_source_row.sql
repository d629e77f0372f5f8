{{ config(meta={"dagster": {"ref": {"name": "daily_tenant_metrics"}}}) }}

-- The marts' row counts against their sources: every finished recording is counted once
-- in daily_tenant_metrics, every chat answer once in daily_chat_metrics, on its day and
-- tenant. A row lost or doubled by a join shows here as a (day, tenant) that differs.
with

finished as (

    select
        cast(finished_at at time zone 'UTC' as date) as metric_date,
        tenant_id,
        count(*) as expected
    from {{ ref('stg_transcripts') }}
    where finished_at is not null
        and status in ('completed', 'completed_degraded', 'failed')
    group by 1, 2

),

answers as (

    select
        cast(created_at at time zone 'UTC' as date) as metric_date,
        tenant_id,
        count(*) as expected
    from {{ ref('stg_chat_answers') }}
    group by 1, 2

)

select 'daily_tenant_metrics' as mart, metric_date, tenant_id, f.expected, m.recordings_finished as counted
from finished as f
full outer join {{ ref('daily_tenant_metrics') }} as m using (metric_date, tenant_id)
where f.expected is distinct from m.recordings_finished
union all
select 'daily_chat_metrics', metric_date, tenant_id, a.expected, c.answers
from answers as a
full outer join {{ ref('daily_chat_metrics') }} as c using (metric_date, tenant_id)
where a.expected is distinct from c.answers
