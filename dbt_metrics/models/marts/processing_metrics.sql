-- Per day (UTC, by finish time): outcomes, error rate, audio volume and processing speed.
-- processing_s_per_audio_hour is the seed's "processing time for 1 h of audio"
-- (target < 25 min = 1500 s), from finished_at - started_at of completed transcripts.

with

transcripts as (

    select * from {{ ref('stg_transcripts') }}

),

finished as (

    select
        cast(finished_at at time zone 'UTC' as date) as metric_date,
        status,
        status in ('completed', 'completed_degraded') as is_completed,
        audio_duration_s,
        case
            when status in ('completed', 'completed_degraded')
                and started_at is not null
                and audio_duration_s > 0
                then cast(extract(epoch from finished_at - started_at) as double precision)
        end as processing_s

    from transcripts

    where finished_at is not null
        and status in ('completed', 'completed_degraded', 'failed')

),

daily as (

    select
        metric_date,
        count(*) filter (where is_completed) as transcripts_completed,
        count(*) filter (where status = 'completed_degraded') as transcripts_degraded,
        count(*) filter (where status = 'failed') as transcripts_failed,
        count(*) as transcripts_finished,
        coalesce(sum(audio_duration_s) filter (where is_completed), 0) / 3600.0 as audio_hours,
        sum(processing_s) as processing_s,
        -- only the audio whose processing time is known, so the ratio compares like with like
        sum(audio_duration_s) filter (where processing_s is not null) / 3600.0 as timed_audio_hours

    from finished

    group by metric_date

)

select
    metric_date,
    transcripts_completed,
    transcripts_degraded,
    transcripts_failed,
    transcripts_finished,
    cast(transcripts_failed as double precision) / transcripts_finished as error_rate,
    audio_hours,
    processing_s,
    processing_s / nullif(timed_audio_hours, 0) as processing_s_per_audio_hour

from daily
