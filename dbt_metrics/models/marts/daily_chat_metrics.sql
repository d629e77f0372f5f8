-- Per day (UTC) and tenant: chat answers, how often the meetings held an answer, the
-- mean reliability, LLM fallbacks, and how users rated the answers.

select
    cast(created_at at time zone 'UTC' as date) as metric_date,
    tenant_id,
    count(*) as answers,
    avg(case when found then 1.0 else 0.0 end) as found_rate,
    avg(reliability) as mean_reliability,
    count(*) filter (where degraded) as answers_degraded,
    sum(ratings) as ratings,
    avg(mean_rating) as mean_rating

from {{ ref('stg_chat_answers') }}
group by 1, 2
