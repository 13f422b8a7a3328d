-- Which packages differ between GW150914_095045/prod0 and GW150914_095045/prod1 (build captures)?
-- One row per package: its version in each (NULL where the analysis did not have it).
WITH a AS (
    SELECT manager, name, version FROM asimov_analysis_packages
    WHERE event = 'GW150914_095045' AND analysis = 'prod0' AND phase = 'build'),
b AS (
    SELECT manager, name, version FROM asimov_analysis_packages
    WHERE event = 'GW150914_095045' AND analysis = 'prod1' AND phase = 'build')
SELECT a.manager, a.name, a.version AS version_a, b.version AS version_b
FROM a LEFT JOIN b ON b.manager = a.manager AND b.name = a.name
WHERE b.name IS NULL OR b.version <> a.version
UNION ALL
SELECT b.manager, b.name, NULL, b.version
FROM b LEFT JOIN a ON a.manager = b.manager AND a.name = b.name
WHERE a.name IS NULL
ORDER BY 1, 2;
