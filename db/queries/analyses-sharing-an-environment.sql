-- Which other analyses ran in the same environment as GW150914_095045/prod0 did at build time?
-- Uses the tables (the views do not carry the link from analysis to environment).
SELECT other.event, other.analysis, other.phase
FROM analysis_environments mine
JOIN analysis_environments other ON other.environment_id = mine.environment_id
WHERE mine.event = 'GW150914_095045' AND mine.analysis = 'prod0' AND mine.phase = 'build'
  AND NOT (other.event = mine.event AND other.analysis = mine.analysis)
ORDER BY other.event, other.analysis, other.phase;
