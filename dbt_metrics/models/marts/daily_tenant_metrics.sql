-- Per day (UTC, by finish time) and tenant, the seed's production metrics (SPEC section 5)
-- over finished recordings:
--   voiceprint_match_rate: speakers the pipeline named by a voiceprint (a person may have
--     reviewed the name since) / speakers with a voice embedding
--   rag_enrichment_rate: speakers named from documents or transcript (source rag), among
--     the speakers of recordings that came with context documents
--   processing_s_per_audio_hour: upload-to-finish processing per hour of audio (< 1500 s)
--   rag_overhead_s_per_audio_hour: naming stages (rules and LLM) per hour of audio
--   error_rate: failed / finished
--   mean_pooling_accuracy: of the voiceprints' names a person reviewed (renamed, kept or
--     took off), the share kept: production's only ground truth on its mean-pooled
--     voiceprints; auto_naming_accuracy is the same over every automatic source
-- plus the named share, LLM fallbacks and the speaker-count mix. Reviews count on the
-- day their recording finished. Blind figures with true names are measured offline (eval).

with

transcripts as (

    select * from {{ ref('stg_transcripts') }}
    where finished_at is not null
        and status in ('completed', 'completed_degraded', 'failed')

),

speakers as (

    select * from {{ ref('stg_speakers') }}

),

with_documents as (

    select distinct transcript_id from {{ source('app', 'context_documents') }}

),

per_recording as (

    select
        t.transcript_id,
        t.tenant_id,
        cast(t.finished_at at time zone 'UTC' as date) as metric_date,
        t.status,
        t.audio_duration_s,
        case
            when t.status in ('completed', 'completed_degraded') and t.started_at is not null
                then cast(extract(epoch from t.finished_at - t.started_at) as double precision)
        end as processing_s,
        coalesce((t.stage_timings ->> 'naming')::double precision, 0)
            + coalesce((t.stage_timings ->> 'llm_naming')::double precision, 0) as naming_s,
        t.degradations <> '{}'::jsonb as degraded,
        d.transcript_id is not null as has_documents,
        count(s.speaker_label) as speakers,
        count(s.speaker_label) filter (where s.has_voice_embedding) as speakers_with_voice,
        count(s.speaker_label) filter (where s.naming_source = 'voiceprint') as by_voiceprint,
        count(s.speaker_label) filter (where s.naming_source = 'rag') as by_rag,
        count(s.speaker_label) filter (where s.is_named) as named,
        count(s.reviewed_source) as reviewed,
        count(s.reviewed_source) filter (where s.review_kept) as review_kept,
        count(s.reviewed_source) filter (where s.reviewed_source = 'voiceprint')
            as voiceprint_reviewed,
        count(s.reviewed_source) filter (where s.reviewed_source = 'voiceprint' and s.review_kept)
            as voiceprint_review_kept

    from transcripts as t
    left join speakers as s on s.transcript_id = t.transcript_id
    left join with_documents as d on d.transcript_id = t.transcript_id
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9

)

select
    metric_date,
    tenant_id,
    count(*) as recordings_finished,
    count(*) filter (where status = 'failed') as recordings_failed,
    count(*) filter (where degraded) as recordings_with_llm_fallback,
    cast(count(*) filter (where status = 'failed') as double precision) / count(*) as error_rate,
    coalesce(sum(audio_duration_s) filter (where status <> 'failed'), 0) / 3600.0 as audio_hours,
    sum(processing_s) / nullif(sum(audio_duration_s) filter (where processing_s is not null), 0)
        * 3600.0 as processing_s_per_audio_hour,
    sum(naming_s) filter (where status <> 'failed')
        / nullif(sum(audio_duration_s) filter (where status <> 'failed'), 0)
        * 3600.0 as rag_overhead_s_per_audio_hour,
    cast(sum(by_voiceprint) as double precision)
        / nullif(sum(speakers_with_voice), 0) as voiceprint_match_rate,
    cast(sum(by_rag) filter (where has_documents) as double precision)
        / nullif(sum(speakers) filter (where has_documents), 0) as rag_enrichment_rate,
    cast(sum(named) as double precision) / nullif(sum(speakers), 0) as named_rate,
    sum(voiceprint_reviewed) as voiceprint_names_reviewed,
    cast(sum(voiceprint_review_kept) as double precision)
        / nullif(sum(voiceprint_reviewed), 0) as mean_pooling_accuracy,
    sum(reviewed) as names_reviewed,
    cast(sum(review_kept) as double precision) / nullif(sum(reviewed), 0)
        as auto_naming_accuracy,
    avg(speakers) filter (where status <> 'failed') as mean_speakers

from per_recording
group by metric_date, tenant_id
