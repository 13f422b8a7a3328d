-- Which analyses ran with lalsuite 7.11?
-- Names are PEP 503 canonical in the views (lower case, '-' for runs of '-', '_', '.'),
-- so 'lalsuite' also finds LALSuite; versions are as the package manager printed them.
SELECT DISTINCT event, analysis, phase
FROM asimov_analysis_packages
WHERE name = 'lalsuite' AND version = '7.11'
ORDER BY event, analysis, phase;
