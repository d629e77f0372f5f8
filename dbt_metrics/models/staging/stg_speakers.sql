-- One row per diarized speaker, with how it was named (voiceprint, rag = the rules over
-- documents and transcript, llm, manual, unknown) and, once a person corrected or kept
-- the pipeline's name, that name's source and whether the person kept it.

with

source as (

    select * from {{ source('app', 'transcript_speakers') }}

)

select
    transcript_id,
    label as speaker_label,
    talk_time_s,
    embedding is not null as has_voice_embedding,
    name is not null as is_named,
    identity_source,
    -- How the pipeline named it, kept through a person's later correction.
    coalesce(identity_evidence -> 'review' ->> 'source', identity_source) as naming_source,
    identity_confidence,
    voiceprint_id,
    identity_evidence -> 'review' ->> 'source' as reviewed_source,
    (identity_evidence -> 'review' ->> 'kept')::boolean as review_kept

from source
