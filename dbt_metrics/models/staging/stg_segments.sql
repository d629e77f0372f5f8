with

source as (

    select * from {{ source('app', 'segments') }}

),

renamed as (

    select

        ----------  ids
        id as segment_id,
        transcript_id,
        idx as segment_index,

        ---------- numerics
        start_s,
        end_s,
        end_s - start_s as segment_duration_s,
        confidence,
        case
            when jsonb_typeof(words) = 'array' then jsonb_array_length(words)
        end as word_count,

        ---------- text
        text as segment_text,
        speaker as speaker_label,

        ---------- json: word timings
        words

    from source

)

select * from renamed
