-- Meetings by pair of countries and year, over the triples table (the Parquet output of
-- Examples/spark/extract.py): a meeting's two people take the countries the same document
-- gives them an office in (holds_office).
WITH office AS (
    SELECT DISTINCT doc, subject.id AS person, object.name AS country
    FROM triples WHERE predicate = 'holds_office'
), meeting AS (
    SELECT doc, subject.id AS a, object.id AS b, substr(date.value, 1, 4) AS year
    FROM triples WHERE predicate = 'met' AND date.value IS NOT NULL
)
SELECT m.year, least(oa.country, ob.country) AS country_a, greatest(oa.country, ob.country) AS country_b,
       count(*) AS meetings
FROM meeting m
JOIN office oa ON oa.doc = m.doc AND oa.person = m.a
JOIN office ob ON ob.doc = m.doc AND ob.person = m.b
WHERE oa.country <> ob.country
GROUP BY m.year, least(oa.country, ob.country), greatest(oa.country, ob.country)
ORDER BY meetings DESC, m.year, country_a, country_b
