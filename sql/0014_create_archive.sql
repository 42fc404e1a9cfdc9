-- The archive of past editions: the secretariat's research notes (ecpa-archive.md) as data, each
-- fact with its certainty, and the views that add every edition published in ecpa to them.
--
-- Certainty rule: 'confirmed' (a source says so), 'inferred' (marked ⚠️ in the notes: deduced,
-- for instance from the Presidency calendar) or 'unknown' (❓: not found). An unknown fact is
-- always NULL; nothing is invented. A NULL that is confirmed means "known to be none": no theme
-- before 2005, no silver or bronze in 2006 (one winner before 2012).
-- Year ranges: the notes give 1998-2001 as one row; it is stored as one row per year, each with
-- the same facts and a note saying so, so that every archive row is one edition year.
SET ROLE ecpa_owner;

CREATE DOMAIN ecpa.certainty AS text
    CHECK (VALUE IN ('confirmed', 'inferred', 'unknown'));

CREATE TABLE ecpa.archive_editions (
    year                       integer PRIMARY KEY CHECK (year BETWEEN 1997 AND 2200),
    host_country_code          text REFERENCES ecpa.countries (code),
    host_certainty             ecpa.certainty NOT NULL,
    host_city                  text CHECK (btrim(host_city) <> ''),
    host_city_certainty        ecpa.certainty NOT NULL,
    conference_dates           text CHECK (btrim(conference_dates) <> ''),
    conference_dates_certainty ecpa.certainty NOT NULL,
    theme                      text CHECK (btrim(theme) <> ''),
    theme_certainty            ecpa.certainty NOT NULL,
    host_note                  text,
    theme_note                 text,
    note                       text,
    source                     text,
    CONSTRAINT archive_editions_unknown_host_is_null
        CHECK (host_certainty <> 'unknown' OR host_country_code IS NULL),
    CONSTRAINT archive_editions_unknown_city_is_null
        CHECK (host_city_certainty <> 'unknown' OR host_city IS NULL),
    CONSTRAINT archive_editions_unknown_dates_are_null
        CHECK (conference_dates_certainty <> 'unknown' OR conference_dates IS NULL),
    CONSTRAINT archive_editions_unknown_theme_is_null
        CHECK (theme_certainty <> 'unknown' OR theme IS NULL)
);

-- One row per award the notes mention. Placed medals are gold, silver and bronze; the others are
-- awards whose place the notes do not give. A placed medal with a NULL, confirmed country was
-- known not to be given.
CREATE TABLE ecpa.archive_awards (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year              integer NOT NULL REFERENCES ecpa.archive_editions (year),
    award             text NOT NULL CHECK (award IN (
                          'gold', 'silver', 'bronze', 'awarded', 'runner-up', 'special distinction')),
    award_certainty   ecpa.certainty NOT NULL CHECK (award_certainty <> 'unknown'),
    country_code      text REFERENCES ecpa.countries (code),
    country_certainty ecpa.certainty NOT NULL,
    title             text CHECK (btrim(title) <> ''),
    title_certainty   ecpa.certainty NOT NULL,
    note              text,
    source            text,
    CONSTRAINT archive_awards_unknown_country_is_null
        CHECK (country_certainty <> 'unknown' OR country_code IS NULL),
    CONSTRAINT archive_awards_unknown_title_is_null
        CHECK (title_certainty <> 'unknown' OR title IS NULL)
);
CREATE INDEX archive_awards_year ON ecpa.archive_awards (year);

INSERT INTO ecpa.archive_editions (year, host_country_code, host_certainty, host_city, host_city_certainty,
        conference_dates, conference_dates_certainty, theme, theme_certainty, host_note, theme_note, note, source) VALUES
    (1997, NULL, 'unknown', NULL, 'unknown', NULL, 'unknown', NULL, 'confirmed', NULL, NULL,
        'The first award, with the United Kingdom, Belgium and the Netherlands only.', NULL),
    (1998, NULL, 'unknown', NULL, 'unknown', NULL, 'unknown', NULL, 'confirmed', NULL, NULL,
        'The research notes give 1998–2001 as one row; each of these years carries its facts.', NULL),
    (1999, NULL, 'unknown', NULL, 'unknown', NULL, 'unknown', NULL, 'confirmed', NULL, NULL,
        'The research notes give 1998–2001 as one row; each of these years carries its facts.', NULL),
    (2000, NULL, 'unknown', NULL, 'unknown', NULL, 'unknown', NULL, 'confirmed', NULL, NULL,
        'The research notes give 1998–2001 as one row; each of these years carries its facts.', NULL),
    (2001, NULL, 'unknown', NULL, 'unknown', NULL, 'unknown', NULL, 'confirmed', NULL, NULL,
        'The research notes give 1998–2001 as one row; each of these years carries its facts.', NULL),
    (2002, NULL, 'unknown', NULL, 'unknown', NULL, 'unknown', NULL, 'confirmed', NULL, NULL,
        'About 10 countries took part.', 'rikoksentorjunta.fi'),
    (2003, 'DK', 'confirmed', 'Copenhagen', 'confirmed', 'about 9 December', 'confirmed', NULL, 'confirmed',
        'Hosted by Denmark as the 2002 winner: before 2004 the previous winner hosted (Italy held the H2 Presidency).',
        NULL, NULL, 'rikoksentorjunta.fi'),
    (2004, 'NL', 'inferred', NULL, 'unknown', NULL, 'unknown', NULL, 'unknown',
        'Inferred from the H2 2004 Presidency.', NULL,
        'The first award linked to the Best Practice Conference.', NULL),
    (2005, 'GB', 'inferred', NULL, 'unknown', NULL, 'unknown', NULL, 'unknown',
        'Inferred from the H2 2005 Presidency.', 'The first themed year; the theme was not found.', NULL, NULL),
    (2006, 'FI', 'confirmed', 'Hämeenlinna', 'confirmed', NULL, 'unknown',
        'Youth risk behaviour / substance use', 'inferred', NULL,
        'Not found; inferred from the winning project.',
        'One winner (EUR 20,000); Hungary and the United Kingdom were named as strong candidates, not ranked.',
        'denederlandsegrondwet.nl'),
    (2007, 'PT', 'confirmed', NULL, 'unknown', NULL, 'unknown', 'Domestic violence', 'confirmed', NULL, NULL, NULL,
        'domacinasili.cz'),
    (2008, 'FR', 'inferred', NULL, 'unknown', NULL, 'unknown', NULL, 'unknown',
        'Inferred from the H2 2008 Presidency.', NULL, NULL, NULL),
    (2009, 'SE', 'inferred', NULL, 'unknown', NULL, 'unknown', NULL, 'unknown',
        'Inferred from the H2 2009 Presidency.', NULL, NULL, 'rikoksentorjunta.fi'),
    (2010, 'BE', 'inferred', NULL, 'unknown', NULL, 'unknown', NULL, 'unknown',
        'Inferred from the H2 2010 Presidency.', NULL, NULL, NULL),
    (2011, 'PL', 'inferred', NULL, 'unknown', NULL, 'unknown', NULL, 'unknown',
        'Inferred from the H2 2011 Presidency.', NULL, NULL, NULL),
    (2012, 'CY', 'confirmed', 'Nicosia', 'confirmed', '4–5 December', 'confirmed',
        'Community policing as a crime prevention tool (burglary, domestic violence, juvenile delinquency)', 'confirmed',
        NULL, NULL, NULL, 'docslib: EUCPN newsletter'),
    (2013, 'LT', 'confirmed', 'Vilnius', 'confirmed', '11–12 December', 'confirmed', 'Domestic violence', 'confirmed',
        NULL, NULL, '18 member states sent entries.', 'scribd: EUCPN toolbox 4'),
    (2014, 'IT', 'confirmed', 'Rome', 'confirmed', '4–5 December', 'confirmed',
        'Preventing trafficking in human beings', 'confirmed', NULL, NULL,
        'Efus names France and Romania as runners-up; a Polish source mentions a special distinction: conflict.',
        'efus.eu; powiatgizycki.pl'),
    (2015, 'LU', 'confirmed', 'Luxembourg', 'confirmed', '17–18 December', 'confirmed', 'Cybercrime', 'confirmed',
        NULL, NULL, NULL, 'powiatgizycki.pl/konkurs-ecpa-2'),
    (2016, 'SK', 'confirmed', 'Bratislava', 'confirmed', '14–15 December', 'confirmed',
        '(Organised) crime against the elderly', 'confirmed', NULL, NULL, '19 entries.', 'efus.eu; bra.se; minv.sk'),
    (2017, 'EE', 'confirmed', 'Tallinn', 'confirmed', '14–15 December', 'confirmed', 'Cyber safety', 'confirmed',
        NULL, NULL, '18 entries.', 'praeventionstag.de 2602; policiajudiciaria.pt; ekei.ee'),
    (2018, 'AT', 'confirmed', 'Vienna', 'confirmed', '4–6 December', 'confirmed', 'Community policing', 'confirmed',
        NULL, NULL, NULL, 'rikoksentorjunta.fi; bra.se (dates)'),
    (2019, 'FI', 'confirmed', 'Helsinki', 'confirmed', '12 December', 'confirmed',
        'Drug-related youth crime and harm', 'confirmed', NULL, NULL, NULL,
        'oikeusministerio.fi; forum-kriminalpraevention.de'),
    (2020, 'DE', 'confirmed', 'online', 'confirmed', '3–4 December', 'confirmed',
        'Family-based (organised) crime / clans', 'confirmed', 'Held online; Berlin was planned.', NULL, NULL,
        'eucpn.org/event/ecpa-bpc-2020'),
    (2021, 'SI', 'confirmed', 'Ljubljana', 'confirmed', '8–9 December', 'confirmed',
        'Bullying and violence among minors (online and offline)', 'confirmed', NULL, NULL, NULL,
        'rikoksentorjunta.fi; eucpn.org/service/news'),
    (2022, 'CZ', 'confirmed', 'Prague', 'confirmed', '8–9 December', 'confirmed',
        'Working with particularly vulnerable crime victims', 'confirmed', NULL, NULL, NULL, 'bra.se (2022-12-09)'),
    (2023, 'ES', 'confirmed', 'Valencia', 'confirmed', '13–14 December', 'confirmed',
        'Trafficking in human beings for labour and other exploitation', 'confirmed', NULL, NULL, NULL,
        'eucpn.org/service/news'),
    (2024, 'HU', 'confirmed', 'Budapest', 'confirmed', '3–4 December', 'confirmed',
        'Preventing reoffending / reintegration', 'confirmed', NULL, NULL, NULL, 'eucpn.org/service/news'),
    (2025, 'DK', 'inferred', NULL, 'unknown', NULL, 'unknown', NULL, 'unknown',
        'Inferred from the H2 2025 Presidency.', NULL, NULL, NULL);

INSERT INTO ecpa.archive_awards (year, award, award_certainty, country_code, country_certainty, title, title_certainty,
        note, source) VALUES
    (2002, 'gold', 'confirmed', 'DK', 'confirmed', NULL, 'unknown', NULL, 'rikoksentorjunta.fi'),
    (2006, 'gold', 'confirmed', 'DK', 'confirmed',
        'Social-norms project correcting children''s misperceptions of peers'' risk behaviour', 'confirmed',
        'The source describes the project rather than naming it; prize EUR 20,000.', 'denederlandsegrondwet.nl'),
    (2006, 'silver', 'confirmed', NULL, 'confirmed', NULL, 'confirmed',
        'Not given: one winner (EUR 20,000) before 2012; Hungary and the United Kingdom were only named as strong candidates.',
        'denederlandsegrondwet.nl'),
    (2006, 'bronze', 'confirmed', NULL, 'confirmed', NULL, 'confirmed', 'Not given: one winner before 2012.',
        'denederlandsegrondwet.nl'),
    (2009, 'gold', 'confirmed', 'FI', 'confirmed', 'KiVa Koulu', 'confirmed', 'An anti-bullying programme.',
        'rikoksentorjunta.fi'),
    (2013, 'awarded', 'confirmed', 'SE', 'confirmed', NULL, 'unknown', 'Order not found.', 'scribd: EUCPN toolbox 4'),
    (2013, 'awarded', 'confirmed', 'BE', 'confirmed', NULL, 'unknown', 'Order not found.', 'scribd: EUCPN toolbox 4'),
    (2013, 'awarded', 'confirmed', 'HR', 'confirmed', NULL, 'unknown', 'Order not found.', 'scribd: EUCPN toolbox 4'),
    (2014, 'gold', 'confirmed', 'DK', 'confirmed', 'HopeNow, Empowering Trafficked People', 'confirmed', NULL,
        'efus.eu; powiatgizycki.pl'),
    (2014, 'runner-up', 'confirmed', 'FR', 'confirmed', 'Ac.Sé', 'confirmed', 'Runner-up, order not found.', 'efus.eu'),
    (2014, 'runner-up', 'confirmed', 'RO', 'confirmed', 'NO', 'confirmed', 'Runner-up, order not found.', 'efus.eu'),
    (2014, 'special distinction', 'inferred', 'PL', 'confirmed', NULL, 'unknown',
        'A Polish source says a Polish project got one of two special distinctions; Efus names France and Romania as runners-up: conflict.',
        'powiatgizycki.pl'),
    (2015, 'gold', 'confirmed', 'NL', 'confirmed', NULL, 'unknown', NULL, 'powiatgizycki.pl/konkurs-ecpa-2'),
    (2016, 'gold', 'confirmed', 'CZ', 'confirmed', 'Senior Academy', 'confirmed', 'Brno.', 'efus.eu; bra.se; minv.sk'),
    (2016, 'silver', 'confirmed', 'DE', 'confirmed', 'Hello granny, I need money', 'confirmed', 'Stuttgart.',
        'efus.eu; bra.se; minv.sk'),
    (2016, 'bronze', 'confirmed', 'HR', 'confirmed', 'Dan Kao San', 'confirmed', NULL, 'efus.eu; bra.se; minv.sk'),
    (2017, 'gold', 'confirmed', 'EE', 'confirmed', 'Cyber defence study at Põltsamaa Coeducational Gymnasium', 'confirmed',
        'The source describes the project rather than naming it.', 'praeventionstag.de 2602; policiajudiciaria.pt; ekei.ee'),
    (2017, 'silver', 'confirmed', 'DK', 'confirmed', 'The Danes'' digital self-defence', 'confirmed', NULL,
        'praeventionstag.de 2602; policiajudiciaria.pt; ekei.ee'),
    (2017, 'bronze', 'confirmed', 'BE', 'confirmed', 'Cybersimple', 'confirmed', NULL,
        'praeventionstag.de 2602; policiajudiciaria.pt; ekei.ee'),
    (2018, 'gold', 'confirmed', 'FI', 'confirmed',
        'The Forssa approach: mediation of polarisation and inter-group conflicts', 'confirmed', NULL, 'rikoksentorjunta.fi'),
    (2018, 'silver', 'confirmed', 'LT', 'confirmed', 'Šiauliai District Discovers a Security Formula', 'confirmed', NULL,
        'rikoksentorjunta.fi'),
    (2018, 'bronze', 'confirmed', 'HU', 'confirmed', 'My neighbour is the policeman!', 'confirmed', 'Zugló, Budapest.',
        'rikoksentorjunta.fi'),
    (2019, 'gold', 'confirmed', 'SE', 'confirmed', 'Sofielund Approach', 'confirmed', 'Malmö.',
        'oikeusministerio.fi; forum-kriminalpraevention.de'),
    (2019, 'awarded', 'confirmed', 'DE', 'confirmed', 'Bengalo', 'confirmed',
        'Also awarded beside the gold; order not found.', 'oikeusministerio.fi; forum-kriminalpraevention.de'),
    (2019, 'awarded', 'confirmed', 'DK', 'confirmed', 'Netstof.dk', 'confirmed',
        'Also awarded beside the gold; order not found.', 'oikeusministerio.fi; forum-kriminalpraevention.de'),
    (2021, 'gold', 'confirmed', NULL, 'unknown', 'Ask for help', 'confirmed',
        'The country is not in the source excerpt.', 'rikoksentorjunta.fi; eucpn.org/service/news'),
    (2021, 'silver', 'confirmed', 'FI', 'confirmed', 'Safety skills education', 'confirmed', 'Oulu.',
        'rikoksentorjunta.fi; eucpn.org/service/news'),
    (2021, 'bronze', 'confirmed', 'CZ', 'confirmed', 'Online trust box', 'confirmed', NULL,
        'rikoksentorjunta.fi; eucpn.org/service/news'),
    (2022, 'gold', 'confirmed', 'SE', 'confirmed', 'Risk-reducing interventions (RRI)', 'confirmed', 'By the police.',
        'bra.se (2022-12-09)'),
    (2022, 'silver', 'confirmed', 'NL', 'confirmed', 'HackShield Future Cyber Heroes', 'confirmed', NULL,
        'bra.se (2022-12-09)'),
    (2022, 'bronze', 'confirmed', 'DK', 'confirmed',
        'Systematic forensic medical screening of children (suspected violence)', 'confirmed',
        'The source describes the project rather than naming it.', 'bra.se (2022-12-09)'),
    (2023, 'gold', 'confirmed', 'PT', 'confirmed', 'Mercadoria Humana 4 (Human Merchandise 4)', 'confirmed', NULL,
        'eucpn.org/service/news'),
    (2023, 'silver', 'confirmed', 'GR', 'confirmed', 'National Emergency Response Mechanism (NERM)', 'confirmed', NULL,
        'eucpn.org/service/news'),
    (2023, 'bronze', 'inferred', NULL, 'unknown', NULL, 'unknown', 'The source excerpt is cut off before the bronze medal.',
        'eucpn.org/service/news'),
    (2024, 'gold', 'confirmed', 'CZ', 'confirmed', 'RUBIKON', 'confirmed', NULL, 'eucpn.org/service/news'),
    (2024, 'silver', 'confirmed', 'FI', 'confirmed', 'Revion', 'confirmed', NULL, 'eucpn.org/service/news'),
    (2024, 'bronze', 'confirmed', 'DK', 'confirmed', 'Primus Motor', 'confirmed', NULL, 'eucpn.org/service/news');

-- The archive rows of editions published in ecpa are computed from the frozen ranking. Entry
-- titles are not readable by every role, so a definer function reads them, and this policy lets
-- its owner see the entries of published editions only (the table forces row-level security).
CREATE POLICY entries_published_for_archive ON ecpa.entries FOR SELECT TO ecpa_owner
    USING (EXISTS (SELECT FROM ecpa.editions ed WHERE ed.id = entries.edition_id AND ed.phase = 'published'));

-- The medal lines of every published edition's frozen ranking (`place|medal|entry N|CC|...`).
CREATE FUNCTION ecpa.published_podiums()
    RETURNS TABLE (year integer, place integer, medal text, entry_id bigint, country_code text, title text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT m.year, m.parts[1]::integer, m.parts[2], m.parts[3]::bigint, m.parts[4], e.title
        FROM (
            SELECT ed.year, regexp_match(line.text, '^([0-9]+)\|(gold|silver|bronze)\|entry ([0-9]+)\|([A-Z]{2})\|') AS parts
            FROM ecpa.editions ed
            JOIN ecpa.frozen_results fr ON fr.edition_id = ed.id
            CROSS JOIN LATERAL regexp_split_to_table(fr.ranking_text, E'\n') AS line (text)
            WHERE ed.phase = 'published'
        ) m
        LEFT JOIN ecpa.entries e ON e.id = m.parts[3]::bigint
        WHERE m.parts IS NOT NULL
    $$;
REVOKE ALL ON FUNCTION ecpa.published_podiums() FROM PUBLIC;

-- Every archive year: the research notes' row, unless an edition of that year is published in
-- ecpa, whose row (computed, so confirmed) then takes its place.
CREATE VIEW ecpa.archive_edition_facts AS
    SELECT a.year, 'notes'::text AS origin, false AS replaces_notes,
           a.host_country_code, a.host_certainty::text AS host_certainty,
           a.host_city, a.host_city_certainty::text AS host_city_certainty,
           a.conference_dates, a.conference_dates_certainty::text AS conference_dates_certainty,
           a.theme, a.theme_certainty::text AS theme_certainty,
           a.host_note, a.theme_note, a.note, a.source
    FROM ecpa.archive_editions a
    WHERE NOT EXISTS (SELECT FROM ecpa.editions ed WHERE ed.year = a.year AND ed.phase = 'published')
    UNION ALL
    SELECT ed.year, 'ecpa', EXISTS (SELECT FROM ecpa.archive_editions a WHERE a.year = ed.year),
           ed.host_country_code, 'confirmed',
           nullif(btrim(ed.host_city), ''), CASE WHEN nullif(btrim(ed.host_city), '') IS NULL THEN 'unknown' ELSE 'confirmed' END,
           CASE WHEN ed.conference_start IS NULL THEN NULL
                WHEN ed.conference_end IS NULL OR ed.conference_end = ed.conference_start THEN ed.conference_start::text
                ELSE ed.conference_start::text || ' to ' || ed.conference_end::text END,
           CASE WHEN ed.conference_start IS NULL THEN 'unknown' ELSE 'confirmed' END,
           ed.theme, 'confirmed',
           NULL, NULL,
           CASE WHEN EXISTS (SELECT FROM ecpa.archive_editions a WHERE a.year = ed.year)
                THEN 'Published in ecpa; replaces the research notes'' row for this year.'
                ELSE 'Published in ecpa.' END,
           'computed by ecpa (frozen results)'
    FROM ecpa.editions ed
    WHERE ed.phase = 'published';

-- Every archive award, with the same rule: a published edition's medals replace the notes' awards.
CREATE VIEW ecpa.archive_award_facts AS
    SELECT a.year, 'notes'::text AS origin, a.id AS seq, a.award, a.award_certainty::text AS award_certainty,
           a.country_code, a.country_certainty::text AS country_certainty,
           a.title, a.title_certainty::text AS title_certainty, a.note, a.source
    FROM ecpa.archive_awards a
    WHERE NOT EXISTS (SELECT FROM ecpa.editions ed WHERE ed.year = a.year AND ed.phase = 'published')
    UNION ALL
    SELECT p.year, 'ecpa', p.entry_id, p.medal, 'confirmed', p.country_code, 'confirmed',
           p.title, CASE WHEN p.title IS NULL THEN 'unknown' ELSE 'confirmed' END,
           'Place ' || p.place || ', entry ' || p.entry_id || '.', 'computed by ecpa (frozen results)'
    FROM ecpa.published_podiums() p;

GRANT SELECT ON ecpa.archive_editions, ecpa.archive_awards, ecpa.archive_edition_facts, ecpa.archive_award_facts
    TO ecpa_secretariat, ecpa_national_representative, ecpa_juror, ecpa_reader;
GRANT INSERT, UPDATE, DELETE ON ecpa.archive_editions, ecpa.archive_awards TO ecpa_secretariat;
GRANT EXECUTE ON FUNCTION ecpa.published_podiums()
    TO ecpa_secretariat, ecpa_national_representative, ecpa_juror, ecpa_reader;

-- After the seed, so the audit log shows the secretariat's changes, not the migration.
CREATE TRIGGER archive_editions_audit AFTER INSERT OR UPDATE OR DELETE ON ecpa.archive_editions
    FOR EACH ROW EXECUTE FUNCTION ecpa.audit('year');
CREATE TRIGGER archive_awards_audit AFTER INSERT OR UPDATE OR DELETE ON ecpa.archive_awards
    FOR EACH ROW EXECUTE FUNCTION ecpa.audit('id');

RESET ROLE;
