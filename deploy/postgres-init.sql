-- Run once by the postgres image (docker-entrypoint-initdb.d) when its data volume is new.
-- The app and Dagster keep separate databases: `st migrate` owns the first one's schema,
-- dagster-postgres creates its own tables in the second.
CREATE DATABASE smart_transcription;
CREATE DATABASE smart_transcription_dagster;
