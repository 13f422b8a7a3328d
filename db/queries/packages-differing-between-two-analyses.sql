-- Which packages differ between GW150914_095045/prod0 and GW150914_095045/prod1 (build captures)?
-- One row per package: its version in each (NULL where the analysis did not have it).
-- One pass over both analyses' packages, grouped by package, rather than a join of the view
-- with itself: every database then reads just the two analyses' rows.
SELECT manager, name,
       MAX(CASE WHEN analysis = 'prod0' THEN version END) AS version_a,
       MAX(CASE WHEN analysis = 'prod1' THEN version END) AS version_b
FROM asimov_analysis_packages
WHERE event = 'GW150914_095045' AND analysis IN ('prod0', 'prod1') AND phase = 'build'
GROUP BY manager, name
HAVING COUNT(*) = 1
    OR MAX(CASE WHEN analysis = 'prod0' THEN version END) <> MAX(CASE WHEN analysis = 'prod1' THEN version END)
ORDER BY manager, name;
