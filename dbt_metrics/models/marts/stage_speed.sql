-- Per day (UTC) and stage: seconds spent and the realtime factor (audio seconds per
-- second of the stage) over completed recordings.

with

completed as (

    select * from {{ ref('stg_transcripts') }}
    where status in ('completed', 'completed_degraded') and audio_duration_s > 0

),

stages as (

    select
        cast(c.finished_at at time zone 'UTC' as date) as metric_date,
        timing.key as stage,
        c.audio_duration_s,
        timing.value::double precision as stage_s

    from completed as c
    cross join lateral jsonb_each_text(c.stage_timings) as timing

)

select
    metric_date,
    stage,
    count(*) as recordings,
    sum(audio_duration_s) / 3600.0 as audio_hours,
    sum(stage_s) as stage_s,
    sum(audio_duration_s) / nullif(sum(stage_s), 0) as realtime_factor

from stages
group by metric_date, stage
