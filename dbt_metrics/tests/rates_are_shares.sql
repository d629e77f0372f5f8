-- Every rate is a share: between 0 and 1 when known.
select *
from {{ ref('daily_tenant_metrics') }}
where error_rate not between 0 and 1
    or voiceprint_match_rate not between 0 and 1
    or rag_enrichment_rate not between 0 and 1
    or named_rate not between 0 and 1
    or mean_pooling_accuracy not between 0 and 1
    or auto_naming_accuracy not between 0 and 1
