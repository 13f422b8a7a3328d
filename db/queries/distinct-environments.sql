-- How many distinct environments does this catalogue really use, and by how many analyses?
SELECT COUNT(*) AS environments, COALESCE(SUM(analyses), 0) AS analyses
FROM asimov_environments
WHERE analyses > 0;
