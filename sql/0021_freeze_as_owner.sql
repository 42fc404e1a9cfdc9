-- The freeze and the jury's overrides go through owner-run functions, and the frozen ranking is
-- kept as rows (place, entry, medal, score...) instead of a text the archive had to parse. Until
-- now the secretariat held INSERT on frozen_results and could store any ranking text from psql;
-- the archive then printed its podium as confirmed. Now nobody writes frozen_results,
-- frozen_places or overrides directly. ecpa.freeze_edition takes the ranking computed by ecpa,
-- checks that it places every eligible competing entry of the edition exactly once with the
-- overrides on record, seals the score ledger, computes the score set digest and the digest itself,
-- stores it all and moves the edition to frozen. It cannot tell a correct ranking from a reordered
-- one (the ranking rules live in ecpa, not here): `ecpa results verify` recomputes the ranking from
-- the scores, and after publication anyone may run it.
--
-- The canonical text of a frozen ranking, over which the digest is computed, is now written by
-- ecpa.frozen_ranking_text from the rows. It is the text ecpa stored until now, byte for byte, so
-- the digests of editions frozen before this migration still verify.
SET ROLE ecpa_owner;

CREATE TABLE ecpa.frozen_places (
    edition_id      bigint NOT NULL REFERENCES ecpa.editions (id),
    entry_id        bigint NOT NULL REFERENCES ecpa.entries (id),
    place           integer NOT NULL CHECK (place >= 1),
    medal           text CHECK (medal IN ('gold', 'silver', 'bronze')),
    score           numeric(40, 6) NOT NULL,
    juror_count     integer NOT NULL CHECK (juror_count >= 0),
    shared_place    boolean NOT NULL,
    override_reason text,
    PRIMARY KEY (edition_id, entry_id)
);

-- The canonical text of a ranking: the method, then one line per entry by place and id.
CREATE FUNCTION ecpa.frozen_ranking_text(p_edition bigint, p_method text) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT 'method ' || p_method || E'\n'
            || coalesce(string_agg(concat_ws('|', p.place, coalesce(p.medal, '-'), 'entry ' || p.entry_id,
                                             coalesce(e.country_code, '?'), p.score::text, 'jurors ' || p.juror_count,
                                             CASE WHEN p.shared_place THEN 'shared' ELSE '-' END,
                                             coalesce('override: ' || p.override_reason, '-')),
                                   E'\n' ORDER BY p.place, p.entry_id) || E'\n', '')
        FROM ecpa.frozen_places p
        LEFT JOIN ecpa.entries e ON e.id = p.entry_id
        WHERE p.edition_id = p_edition
    $$;

-- The digest of a frozen edition: SHA-256 over its ranking text, its score set digest and the
-- ledger head at the freeze.
CREATE FUNCTION ecpa.frozen_digest(p_edition bigint) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT encode(sha256(convert_to(ecpa.frozen_ranking_text(fr.edition_id, fr.method) || E'\n'
                                        || fr.scores_digest || E'\n' || fr.ledger_head, 'UTF8')), 'hex')
        FROM ecpa.frozen_results fr WHERE fr.edition_id = p_edition
    $$;

-- The rankings frozen so far become rows; each must give back its stored text exactly. An override
-- reason was written as typed and may span lines, so the text is cut before each line that starts
-- a place ("N|medal|entry N|"), not at every line break.
INSERT INTO ecpa.frozen_places (edition_id, place, medal, entry_id, score, juror_count, shared_place, override_reason)
SELECT fr.edition_id, m[1]::integer, nullif(m[2], '-'), m[3]::bigint, m[5]::numeric, m[6]::integer, m[7] = 'shared',
       CASE WHEN m[8] = '-' THEN NULL ELSE substr(m[8], length('override: ') + 1) END
FROM ecpa.frozen_results fr
CROSS JOIN LATERAL regexp_split_to_table(left(fr.ranking_text, -1), '\n(?=[0-9]+\|(gold|silver|bronze|-)\|entry [0-9]+\|)') AS line (text)
CROSS JOIN LATERAL regexp_match(line.text,
    '^([0-9]+)\|(gold|silver|bronze|-)\|entry ([0-9]+)\|([A-Z]{2}|\?)\|(-?[0-9]+\.[0-9]{6})\|jurors ([0-9]+)\|(shared|-)\|(-|override: .*)$') AS m
WHERE m IS NOT NULL;
DO $$
DECLARE
    v_frozen record;
BEGIN
    FOR v_frozen IN SELECT fr.*, ed.year FROM ecpa.frozen_results fr JOIN ecpa.editions ed ON ed.id = fr.edition_id LOOP
        IF ecpa.frozen_ranking_text(v_frozen.edition_id, v_frozen.method) IS DISTINCT FROM v_frozen.ranking_text THEN
            RAISE EXCEPTION 'the frozen ranking of the % edition cannot be turned into rows without changing it', v_frozen.year;
        END IF;
    END LOOP;
END
$$;

-- The medal lines of every published edition's frozen ranking.
CREATE OR REPLACE FUNCTION ecpa.published_podiums()
    RETURNS TABLE (year integer, place integer, medal text, entry_id bigint, country_code text, title text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT ed.year, p.place, p.medal, p.entry_id, e.country_code, e.title
        FROM ecpa.frozen_places p
        JOIN ecpa.editions ed ON ed.id = p.edition_id AND ed.phase = 'published'
        JOIN ecpa.entries e ON e.id = p.entry_id
        WHERE p.medal IS NOT NULL
    $$;

ALTER TABLE ecpa.frozen_results DROP COLUMN ranking_text;

-- Frozen rows are written once, by the freeze, and never change.
CREATE FUNCTION ecpa.frozen_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    RAISE EXCEPTION 'frozen results cannot be changed or deleted' USING ERRCODE = 'EC002';
END
$$;
REVOKE ALL ON FUNCTION ecpa.frozen_guard() FROM PUBLIC;
CREATE TRIGGER frozen_places_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ecpa.frozen_places
    FOR EACH STATEMENT EXECUTE FUNCTION ecpa.frozen_guard();
CREATE TRIGGER frozen_results_no_truncate BEFORE TRUNCATE ON ecpa.frozen_results
    FOR EACH STATEMENT EXECUTE FUNCTION ecpa.frozen_guard();

ALTER TABLE ecpa.frozen_places ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.frozen_places FORCE ROW LEVEL SECURITY;
CREATE POLICY frozen_places_owner ON ecpa.frozen_places TO ecpa_owner USING (true) WITH CHECK (true);
CREATE POLICY frozen_places_secretariat ON ecpa.frozen_places FOR SELECT USING ((SELECT ecpa.is_secretariat()));
CREATE POLICY frozen_places_published ON ecpa.frozen_places FOR SELECT
    USING (EXISTS (SELECT FROM ecpa.editions ed WHERE ed.id = frozen_places.edition_id AND ed.phase = 'published'));
ALTER POLICY frozen_results_secretariat ON ecpa.frozen_results USING ((SELECT ecpa.is_secretariat())) WITH CHECK (false);

-- The medal of a place (DESIGN.md section 4): 1 gold, 2 silver, 3 bronze, none beyond. ECPACore's
-- Medal(place:) is the same rule; a test holds the two to one table of cases.
CREATE FUNCTION ecpa.medal_of_place(p_place integer) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
    AS $$ SELECT CASE p_place WHEN 1 THEN 'gold' WHEN 2 THEN 'silver' WHEN 3 THEN 'bronze' END $$;

-- Freezes an edition in scoring with the ranking ecpa computed (a JSON array of objects with
-- place, entry, medal, score, jurors, shared and override_reason); returns the digest.
CREATE FUNCTION ecpa.freeze_edition(p_edition bigint, p_method text, p_places jsonb) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_edition ecpa.editions;
    v_problem text;
    v_scores  text;
    v_head    text;
    v_digest  text;
BEGIN
    IF NOT ecpa.is_secretariat() THEN
        RAISE EXCEPTION 'only the secretariat freezes an edition' USING ERRCODE = '42501';
    END IF;
    -- An older snapshot would miss scores committed before the freeze, and the digest would then
    -- never verify.
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'an edition is frozen in a READ COMMITTED transaction, which sees every score committed before it'
            USING ERRCODE = '25000';
    END IF;
    -- Waits for every writer of the edition still in flight (they hold its row FOR SHARE); from
    -- here on no score, conflict or override of it can change.
    SELECT * INTO v_edition FROM ecpa.editions WHERE id = p_edition FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no edition with id %', p_edition USING ERRCODE = '23503';
    END IF;
    IF v_edition.phase <> 'scoring' THEN
        RAISE EXCEPTION 'the % edition is %; only an edition in scoring can be frozen', v_edition.year,
                replace(v_edition.phase, '_', ' ')
            USING ERRCODE = 'EC003';
    END IF;
    -- The method is the scheme's, fixed when scoring opened: choosing another after seeing the
    -- scores would let the podium be picked.
    IF p_method IS DISTINCT FROM (SELECT method FROM ecpa.schemes WHERE edition_id = p_edition) THEN
        RAISE EXCEPTION 'the % edition is ranked by its scheme''s method, %, not %', v_edition.year,
                (SELECT method FROM ecpa.schemes WHERE edition_id = p_edition), coalesce(p_method, 'none')
            USING ERRCODE = '22023';
    END IF;
    IF jsonb_typeof(p_places) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'the ranking must be a JSON array of places' USING ERRCODE = '22023';
    END IF;

    WITH given AS (
        SELECT * FROM jsonb_to_recordset(p_places)
            AS x(place integer, entry bigint, medal text, score numeric, jurors integer, shared boolean, override_reason text)
    ), expected AS (
        SELECT id FROM ecpa.entries
        WHERE edition_id = p_edition AND kind = 'competing' AND state = 'eligible'
    )
    SELECT CASE
        WHEN EXISTS (SELECT FROM given WHERE place IS NULL OR place < 1 OR entry IS NULL OR score IS NULL
                                          OR jurors IS NULL OR jurors < 0 OR shared IS NULL
                                          OR (medal IS NOT NULL AND medal NOT IN ('gold', 'silver', 'bronze')))
            THEN 'every place needs a place from 1, an entry, a score, a juror count and whether it is shared'
        WHEN (SELECT count(*) FROM given) <> (SELECT count(DISTINCT entry) FROM given)
            THEN 'an entry is placed twice'
        WHEN EXISTS (SELECT FROM given g WHERE g.entry NOT IN (SELECT id FROM expected))
            THEN format('entry %s is not an eligible competing entry of the %s edition',
                        (SELECT min(g.entry) FROM given g WHERE g.entry NOT IN (SELECT id FROM expected)), v_edition.year)
        WHEN EXISTS (SELECT FROM expected x WHERE x.id NOT IN (SELECT entry FROM given))
            THEN format('eligible competing entry %s of the %s edition has no place',
                        (SELECT min(x.id) FROM expected x WHERE x.id NOT IN (SELECT entry FROM given)), v_edition.year)
        WHEN EXISTS (SELECT FROM given g LEFT JOIN ecpa.overrides o ON o.edition_id = p_edition AND o.entry_id = g.entry
                     WHERE g.override_reason IS DISTINCT FROM o.reason OR (o.place IS NOT NULL AND o.place <> g.place))
            THEN 'the overrides in the ranking are not the ones on record'
        WHEN EXISTS (SELECT FROM given g WHERE g.place <> 1 + (SELECT count(*) FROM given h WHERE h.place < g.place))
            THEN 'the places are not ranks as a competition gives them (1, 2, 2, 4, ...)'
        WHEN EXISTS (SELECT FROM given g
                     WHERE g.shared <> EXISTS (SELECT FROM given h WHERE h.place = g.place AND h.entry <> g.entry))
            THEN 'a place is marked shared although no other entry has it, or the other way round'
        WHEN EXISTS (SELECT FROM given g WHERE g.medal IS DISTINCT FROM ecpa.medal_of_place(g.place))
            THEN 'a medal does not go with its place (1 gold, 2 silver, 3 bronze, none beyond)'
        WHEN EXISTS (SELECT FROM given g
                     WHERE g.jurors > (SELECT count(*) FROM ecpa.jurors WHERE edition_id = p_edition AND voting))
            THEN 'an entry counts more jurors than the edition has voting jurors'
        END
    INTO v_problem;
    IF v_problem IS NOT NULL THEN
        RAISE EXCEPTION 'the ranking cannot be frozen: %; nothing was changed', v_problem USING ERRCODE = '22023';
    END IF;

    PERFORM ecpa.seal_score_ledger();
    v_scores := ecpa.score_set_digest(p_edition);
    SELECT hash INTO v_head FROM ecpa.ledger_head;
    INSERT INTO ecpa.frozen_places (edition_id, entry_id, place, medal, score, juror_count, shared_place, override_reason)
    SELECT p_edition, entry, place, medal, round(score, 6), jurors, shared, override_reason
    FROM jsonb_to_recordset(p_places)
        AS x(place integer, entry bigint, medal text, score numeric, jurors integer, shared boolean, override_reason text);
    v_digest := encode(sha256(convert_to(ecpa.frozen_ranking_text(p_edition, p_method) || E'\n' || v_scores || E'\n' || v_head,
                                         'UTF8')), 'hex');
    INSERT INTO ecpa.frozen_results (edition_id, method, scores_digest, ledger_head, digest)
    VALUES (p_edition, p_method, v_scores, v_head, v_digest);
    UPDATE ecpa.editions SET phase = 'frozen' WHERE id = p_edition;
    RETURN v_digest;
END
$$;

-- Sets (or replaces) the jury's place for an entry, with its reason, while the edition is in scoring.
CREATE FUNCTION ecpa.set_override(p_edition bigint, p_entry bigint, p_place integer, p_reason text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT ecpa.is_secretariat() THEN
        RAISE EXCEPTION 'only the secretariat records the jury''s overrides' USING ERRCODE = '42501';
    END IF;
    IF NOT EXISTS (SELECT FROM ecpa.entries WHERE id = p_entry AND edition_id = p_edition) THEN
        RAISE EXCEPTION 'entry % is not an entry of this edition', p_entry USING ERRCODE = '23503';
    END IF;
    INSERT INTO ecpa.overrides (edition_id, entry_id, place, reason)
    VALUES (p_edition, p_entry, p_place, p_reason)
    ON CONFLICT (edition_id, entry_id) DO UPDATE SET place = EXCLUDED.place, reason = EXCLUDED.reason;
END
$$;

-- Removes an entry's override while the edition is in scoring; returns whether there was one.
CREATE FUNCTION ecpa.clear_override(p_edition bigint, p_entry bigint) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_deleted integer;
BEGIN
    IF NOT ecpa.is_secretariat() THEN
        RAISE EXCEPTION 'only the secretariat records the jury''s overrides' USING ERRCODE = '42501';
    END IF;
    DELETE FROM ecpa.overrides WHERE edition_id = p_edition AND entry_id = p_entry;
    GET DIAGNOSTICS v_deleted = ROW_COUNT;
    RETURN v_deleted > 0;
END
$$;

REVOKE ALL ON FUNCTION ecpa.freeze_edition(bigint, text, jsonb), ecpa.set_override(bigint, bigint, integer, text),
    ecpa.clear_override(bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.freeze_edition(bigint, text, jsonb), ecpa.set_override(bigint, bigint, integer, text),
    ecpa.clear_override(bigint, bigint) TO ecpa_secretariat;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ecpa.overrides, ecpa.frozen_results FROM ecpa_secretariat;

-- A juror reads the overrides of the editions they judge, not others'.
ALTER TABLE ecpa.overrides ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.overrides FORCE ROW LEVEL SECURITY;
CREATE POLICY overrides_owner ON ecpa.overrides TO ecpa_owner USING (true) WITH CHECK (true);
CREATE POLICY overrides_secretariat ON ecpa.overrides FOR SELECT USING ((SELECT ecpa.is_secretariat()));
CREATE POLICY overrides_jury ON ecpa.overrides FOR SELECT
    USING (edition_id IN (SELECT edition_id FROM ecpa.jurors WHERE role_name = current_user));
GRANT SELECT ON ecpa.frozen_places TO ecpa_secretariat, ecpa_national_representative, ecpa_juror, ecpa_reader;

CREATE TRIGGER frozen_places_audit AFTER INSERT ON ecpa.frozen_places
    FOR EACH ROW EXECUTE FUNCTION ecpa.audit('entry_id');

RESET ROLE;
