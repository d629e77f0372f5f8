-- The assistant's chat answers: reliability, whether the meetings held an answer, and
-- whether the LLM was unavailable (degraded), with their ratings averaged.

with

answers as (

    select * from {{ source('app', 'chat_messages') }}
    where role = 'assistant'

),

ratings as (

    select message_id, avg(rating) as mean_rating, count(*) as ratings
    from {{ source('app', 'feedback') }}
    where message_id is not null
    group by message_id

)

select
    answers.id as message_id,
    answers.tenant_id,
    answers.created_at,
    answers.reliability,
    answers.found,
    -- details.degraded is why the LLM could not answer (a sentence), or null
    coalesce(answers.details ->> 'degraded', '') <> '' as degraded,
    ratings.mean_rating,
    coalesce(ratings.ratings, 0) as ratings

from answers
left join ratings on ratings.message_id = answers.id
