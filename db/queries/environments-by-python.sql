-- Distinct environments per environment type and Python version, the most used first.
SELECT environment_type, python_version, COUNT(*) AS environments, SUM(analyses) AS analyses
FROM asimov_environments
GROUP BY environment_type, python_version
ORDER BY analyses DESC, environment_type, python_version;
