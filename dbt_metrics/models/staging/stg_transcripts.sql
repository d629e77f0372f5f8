with

source as (

    select * from {{ source('app', 'transcripts') }}

),

renamed as (

    select

        ----------  ids
        id as transcript_id,
        tenant_id,

        ---------- text
        title,
        language,
        detected_language,
        status,
        error as error_message,

        ---------- numerics
        duration_s as audio_duration_s,

        ---------- json: stage name -> seconds spent in it; stage -> why it fell back
        timings as stage_timings,
        degradations,

        ---------- timestamps
        created_at,
        started_at,
        finished_at

    from source

)

select * from renamed
