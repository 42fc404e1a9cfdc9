-- The published digest now covers the declaration, and a scheme PostgreSQL accepts is one ecpa
-- can rank and read back.
--
-- A hostile review found two gaps in 0030:
-- * `results verify` computed the declaration's hash itself, but took the ledger's word that the
--   hash was sealed from server functions; someone able to replace functions (a superuser, a
--   member of ecpa_owner) could rewrite the declaration, its hash and those functions, and verify
--   still passed against the digest printed at publication. The freeze now stores the
--   declaration's hash with the results and seals it into the digest (one more line), so a
--   rewritten declaration changes the digest that was published; verify checks the stored hash
--   against the text's SHA-256, which it computes itself. Editions frozen before keep their
--   digest; their declaration is checked as before.
-- * The secretariat could store scheme numbers the ranking cannot use or the scheme reader cannot
--   read back (NaN, Infinity, more than 6 decimals, 42 trailing zeros, a weight beyond a million),
--   an empty or repeated tie-break cascade, or a name of spaces only: scoring opened, the
--   declaration was sealed, and the edition could never be frozen or verified. The criteria and
--   schemes now refuse them, as ScoringScheme.problems does (SharedRulesTests holds both to the
--   same cases).
SET ROLE ecpa_owner;

ALTER TABLE ecpa.frozen_results ADD COLUMN declaration_hash text CHECK (declaration_hash ~ '^[0-9a-f]{64}$');
-- No planner statistics on a table under row-level security (0027).
ALTER TABLE ecpa.frozen_results ALTER COLUMN declaration_hash SET STATISTICS 0;

-- The digest of a frozen edition: its ranking text, its score set digest, the ledger head at the
-- freeze and, when the edition had declared its scheme, the declaration's hash, one per line.
CREATE OR REPLACE FUNCTION ecpa.frozen_digest(p_edition bigint) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT encode(sha256(convert_to(ecpa.frozen_ranking_text(fr.edition_id, fr.method) || E'\n'
                                        || fr.scores_digest || E'\n' || fr.ledger_head
                                        || coalesce(E'\n' || fr.declaration_hash, ''), 'UTF8')), 'hex')
        FROM ecpa.frozen_results fr WHERE fr.edition_id = p_edition
    $$;
REVOKE ALL ON FUNCTION ecpa.frozen_digest(bigint) FROM PUBLIC;

-- What every change of an edition's stage begins with (the freeze, the deliberation): the
-- secretariat only, in a READ COMMITTED transaction whose checks see what is committed now, and
-- the edition's row taken FOR NO KEY UPDATE, which waits for every writer of the edition still in
-- flight (they hold it FOR SHARE) and keeps new ones out until the change commits.
CREATE FUNCTION ecpa.take_edition(p_edition bigint, p_action text) RETURNS ecpa.editions
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_edition ecpa.editions;
BEGIN
    IF NOT ecpa.is_secretariat() THEN
        RAISE EXCEPTION 'only the secretariat %', p_action USING ERRCODE = '42501';
    END IF;
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'the secretariat % in a READ COMMITTED transaction, which sees everything committed before it', p_action
            USING ERRCODE = '25000';
    END IF;
    SELECT * INTO v_edition FROM ecpa.editions WHERE id = p_edition FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no edition with id %', p_edition USING ERRCODE = '23503';
    END IF;
    RETURN v_edition;
END
$$;
REVOKE ALL ON FUNCTION ecpa.take_edition(bigint, text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION ecpa.freeze_edition(p_edition bigint, p_method text, p_places jsonb) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_edition ecpa.editions;
    v_problem text;
    v_scores  text;
    v_head    text;
    v_digest  text;
    v_declared text;
BEGIN
    -- An older snapshot would miss scores committed before the freeze, and the digest would then
    -- never verify; from here on no score, conflict or override of the edition can change.
    v_edition := ecpa.take_edition(p_edition, 'freezes an edition');
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
    SELECT hash INTO v_declared FROM ecpa.declarations WHERE edition_id = p_edition;
    v_digest := encode(sha256(convert_to(ecpa.frozen_ranking_text(p_edition, p_method) || E'\n' || v_scores || E'\n' || v_head
                                         || coalesce(E'\n' || v_declared, ''), 'UTF8')), 'hex');
    INSERT INTO ecpa.frozen_results (edition_id, method, scores_digest, ledger_head, declaration_hash, digest)
    VALUES (p_edition, p_method, v_scores, v_head, v_declared, v_digest);
    UPDATE ecpa.editions SET phase = 'frozen' WHERE id = p_edition;
    RETURN v_digest;
END
$$;
REVOKE ALL ON FUNCTION ecpa.freeze_edition(bigint, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.freeze_edition(bigint, text, jsonb) TO ecpa_secretariat;

-- Scheme numbers the ranking computes with exactly (Criterion.isExact): finite, at most 6
-- decimals, at most a million either side of zero. NaN sorts above every number, so the bounds
-- refuse it and both infinities.
ALTER TABLE ecpa.criteria ADD CONSTRAINT criteria_numbers_exact CHECK (
    weight BETWEEN -1000000 AND 1000000 AND min_value BETWEEN -1000000 AND 1000000
    AND max_value BETWEEN -1000000 AND 1000000 AND step BETWEEN -1000000 AND 1000000
    AND weight = round(weight, 6) AND min_value = round(min_value, 6)
    AND max_value = round(max_value, 6) AND step = round(step, 6)) NOT VALID;
-- A cascade of at least one rule, none twice.
CREATE FUNCTION ecpa.no_repeats(p_items text[]) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$ SELECT cardinality(p_items) = (SELECT count(DISTINCT item) FROM unnest(p_items) AS item) $$;
ALTER TABLE ecpa.schemes ADD CONSTRAINT schemes_tie_breaks_once CHECK (
    cardinality(tie_breaks) >= 1 AND ecpa.no_repeats(tie_breaks)) NOT VALID;
-- Names with something besides white space, Unicode's spaces included (Swift trims them all).
CREATE FUNCTION ecpa.has_text(p_text text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$ SELECT p_text OPERATOR(pg_catalog.~) '[^[:space:]\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]' $$;
ALTER TABLE ecpa.schemes ADD CONSTRAINT schemes_name_has_text CHECK (ecpa.has_text(name)) NOT VALID;
ALTER TABLE ecpa.criteria ADD CONSTRAINT criteria_name_has_text CHECK (ecpa.has_text(name)) NOT VALID;

-- Rows stored before are kept if they break a new rule (an edition scored under them is history);
-- the rule holds for every row written from now on.
DO $$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT conrelid::regclass AS tab, conname FROM pg_constraint
             WHERE connamespace = 'ecpa'::regnamespace AND NOT convalidated AND contype = 'c'
               AND conname IN ('criteria_numbers_exact', 'schemes_tie_breaks_once', 'schemes_name_has_text', 'criteria_name_has_text')
             ORDER BY conname LOOP
        BEGIN
            EXECUTE format('ALTER TABLE %s VALIDATE CONSTRAINT %I', c.tab, c.conname);
        EXCEPTION WHEN check_violation THEN
            RAISE NOTICE 'rows of % written before break %; they are kept, new rows must follow it', c.tab, c.conname;
        END;
    END LOOP;
END
$$;

RESET ROLE;
