-- The edition's method is declared, and sealed, before the first score (issue "what the numbers
-- say", item 1).
--
-- A scheme now carries its analysis settings: how many resamples of the jurors `results explain`
-- ranks, the seed of ecpa's generator, the level of the rank intervals and the two thresholds that
-- make a medal place contested. Like the rest of the scheme they are fixed once scoring opens
-- (schemes_guard refuses every change to a scheme's row then, these columns included).
--
-- When an edition moves to scoring, owner-run code writes its declaration: the scheme as a scheme
-- file (name, note, method, tie-break cascade, criteria, analysis settings), built here from the
-- rows, never from text a client sent; and its SHA-256. The declaration is appended to the score
-- ledger as a batch of its own whose operation names that hash, so it is the edition's first
-- ledger entry and joins the hash chain with the scores when the ledger is sealed. Nobody may
-- change or delete a declaration, the owner included; it is read like the scheme.
SET ROLE ecpa_owner;

ALTER TABLE ecpa.schemes
    ADD COLUMN analysis_resamples integer NOT NULL DEFAULT 1000,
    ADD COLUMN analysis_seed bigint NOT NULL DEFAULT 1,
    ADD COLUMN analysis_interval_level numeric NOT NULL DEFAULT 0.9,
    ADD COLUMN analysis_keep_chance numeric NOT NULL DEFAULT 0.8,
    ADD COLUMN analysis_weight_radius numeric NOT NULL DEFAULT 0.1,
    -- The same limits as AnalysisSettings.problems in Swift (SharedRulesTests holds them together).
    ADD CONSTRAINT schemes_analysis_in_range CHECK (
        analysis_resamples BETWEEN 1 AND 100000
        AND analysis_seed >= 0
        AND analysis_interval_level > 0 AND analysis_interval_level < 1
        AND analysis_keep_chance > 0 AND analysis_keep_chance <= 1
        AND analysis_weight_radius > 0 AND analysis_weight_radius < 1
        AND analysis_interval_level = round(analysis_interval_level, 6)
        AND analysis_keep_chance = round(analysis_keep_chance, 6)
        AND analysis_weight_radius = round(analysis_weight_radius, 6));
GRANT INSERT (analysis_resamples, analysis_seed, analysis_interval_level, analysis_keep_chance, analysis_weight_radius),
      UPDATE (analysis_resamples, analysis_seed, analysis_interval_level, analysis_keep_chance, analysis_weight_radius)
    ON ecpa.schemes TO ecpa_secretariat;

CREATE TABLE ecpa.declarations (
    edition_id  bigint PRIMARY KEY REFERENCES ecpa.editions (id),
    declared_at timestamptz NOT NULL,
    declared_by text NOT NULL,
    -- The scheme file as declared; `ecpa scheme set --file` reads it back to the same scheme.
    text        text NOT NULL,
    -- SHA-256 of the text's UTF-8 bytes, in lower-case hex.
    hash        text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    -- The ledger batch that carries the hash into the chain.
    batch_id    bigint NOT NULL UNIQUE REFERENCES ecpa.score_batches (id),
    -- True for an edition already scoring when this migration ran: declared late, from the
    -- scheme that was fixed when its scoring opened.
    recorded_late boolean NOT NULL DEFAULT false
);

-- A string in double quotes as a scheme file writes it. The text's control characters are only
-- line breaks and tabs (0028 refuses the rest); each is escaped.
CREATE FUNCTION ecpa.toml_string(p_text text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    SET standard_conforming_strings = on
    AS $$
        SELECT '"' || replace(replace(replace(replace(replace(p_text, '\', '\\'), '"', '\"'),
                                                      E'\n', '\n'), E'\r', '\r'), E'\t', '\t') || '"'
    $$;

-- The declaration of an edition: its scheme as a scheme file, built from the rows; numbers
-- without trailing zeros (2.000000 is written 2), backslashes read the same whatever the session's
-- standard_conforming_strings.
CREATE FUNCTION ecpa.declaration_text(p_edition bigint) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    SET standard_conforming_strings = on
    AS $$
        SELECT concat_ws(E'\n',
            '# The declaration of the ' || e.year || ' edition of the European Crime Prevention Award:',
            '# its scoring scheme and analysis settings, sealed when scoring opened.',
            'name = ' || ecpa.toml_string(s.name),
            CASE WHEN s.note IS NOT NULL THEN 'note = ' || ecpa.toml_string(s.note) END,
            'method = ' || ecpa.toml_string(s.method),
            'tie_breaks = [' || array_to_string(ARRAY(SELECT ecpa.toml_string(t) FROM unnest(s.tie_breaks) t), ', ') || ']',
            (SELECT string_agg(concat_ws(E'\n',
                        '',
                        '[criteria.' || c.code || ']',
                        'name = ' || ecpa.toml_string(c.name),
                        'description = ' || ecpa.toml_string(c.description),
                        'weight = ' || trim_scale(c.weight)::text,
                        'min = ' || trim_scale(c.min_value)::text,
                        'max = ' || trim_scale(c.max_value)::text,
                        'step = ' || trim_scale(c.step)::text), E'\n' ORDER BY c.position)
             FROM ecpa.criteria c WHERE c.edition_id = p_edition),
            '',
            '[analysis]',
            'resamples = ' || s.analysis_resamples,
            'seed = ' || s.analysis_seed,
            'interval_level = ' || trim_scale(s.analysis_interval_level)::text,
            'keep_chance = ' || trim_scale(s.analysis_keep_chance)::text,
            'weight_radius = ' || trim_scale(s.analysis_weight_radius)::text) || E'\n'
        FROM ecpa.editions e JOIN ecpa.schemes s ON s.edition_id = e.id
        WHERE e.id = p_edition
    $$;

-- Writes an edition's declaration and appends its ledger batch; the acting role declares.
CREATE FUNCTION ecpa.write_declaration(p_edition bigint, p_late boolean) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_text  text := ecpa.declaration_text(p_edition);
    v_hash  text;
    v_batch bigint := nextval('ecpa.score_batch_ids');
    v_at    timestamptz := clock_timestamp();
BEGIN
    IF v_text IS NULL THEN
        RAISE EXCEPTION 'edition % has no scoring scheme to declare', p_edition USING ERRCODE = 'EC003';
    END IF;
    v_hash := encode(sha256(convert_to(v_text, 'UTF8')), 'hex');
    -- No events: the digest of an empty batch, as verify_score_ledger computes it.
    INSERT INTO ecpa.score_batches (id, at, actor, operation, event_count, rows_digest)
    VALUES (v_batch, v_at, ecpa.actor(), 'declare edition ' || p_edition || ' sha256:' || v_hash, 0,
            encode(sha256(convert_to('', 'UTF8')), 'hex'));
    INSERT INTO ecpa.declarations (edition_id, declared_at, declared_by, text, hash, batch_id, recorded_late)
    VALUES (p_edition, v_at, ecpa.actor(), v_text, v_hash, v_batch, p_late);
END
$$;
REVOKE ALL ON FUNCTION ecpa.toml_string(text), ecpa.declaration_text(bigint), ecpa.write_declaration(bigint, boolean)
    FROM PUBLIC;

-- Opening scoring declares. It runs after editions_need_scheme let the phase change, in the same
-- statement: the edition's row is locked by the update, and every scheme write locks it FOR SHARE
-- and re-checks the phase (0018), so no scheme change can land between the declaration and the
-- phase it belongs to. The function runs as the owner: no group may write declarations.
CREATE FUNCTION ecpa.declare_on_scoring() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    PERFORM ecpa.write_declaration(NEW.id, false);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION ecpa.declare_on_scoring() FROM PUBLIC;
CREATE TRIGGER editions_declare_on_scoring AFTER UPDATE OF phase ON ecpa.editions
    FOR EACH ROW WHEN (OLD.phase IS DISTINCT FROM NEW.phase AND NEW.phase = 'scoring')
    EXECUTE FUNCTION ecpa.declare_on_scoring();

-- A declaration never changes, even for owner-run code.
CREATE FUNCTION ecpa.declarations_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    RAISE EXCEPTION 'a declaration is never changed: % of declarations is refused', lower(TG_OP)
        USING ERRCODE = '42501';
END
$$;
REVOKE ALL ON FUNCTION ecpa.declarations_guard() FROM PUBLIC;
CREATE TRIGGER declarations_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ecpa.declarations
    FOR EACH STATEMENT EXECUTE FUNCTION ecpa.declarations_guard();

-- Read like the scheme: by the secretariat, representatives and jurors; by public readers once
-- the edition is published.
ALTER TABLE ecpa.declarations ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.declarations FORCE ROW LEVEL SECURITY;
CREATE POLICY declarations_owner ON ecpa.declarations TO ecpa_owner USING (true) WITH CHECK (true);
CREATE POLICY declarations_read ON ecpa.declarations FOR SELECT
    TO ecpa_secretariat, ecpa_national_representative, ecpa_juror USING (true);
CREATE POLICY declarations_published ON ecpa.declarations FOR SELECT TO ecpa_reader
    USING (edition_id IN (SELECT id FROM ecpa.published_editions));
GRANT SELECT ON ecpa.declarations TO ecpa_secretariat, ecpa_national_representative, ecpa_juror, ecpa_reader;
-- As on every table under row-level security (0027): no planner statistics beyond ids.
ALTER TABLE ecpa.schemes
    ALTER COLUMN analysis_resamples SET STATISTICS 0, ALTER COLUMN analysis_seed SET STATISTICS 0,
    ALTER COLUMN analysis_interval_level SET STATISTICS 0, ALTER COLUMN analysis_keep_chance SET STATISTICS 0,
    ALTER COLUMN analysis_weight_radius SET STATISTICS 0;
ALTER TABLE ecpa.declarations
    ALTER COLUMN declared_at SET STATISTICS 0, ALTER COLUMN declared_by SET STATISTICS 0,
    ALTER COLUMN text SET STATISTICS 0, ALTER COLUMN hash SET STATISTICS 0,
    ALTER COLUMN batch_id SET STATISTICS 0, ALTER COLUMN recorded_late SET STATISTICS 0;

-- Where the declaration stands in the ledger, for `results verify` (everyone may verify a
-- published edition; the batches themselves are the secretariat's): the operation of its batch,
-- whether the batch is sealed into the chain, and how many of the edition's score events came
-- before it (none, unless it was recorded late).
CREATE FUNCTION ecpa.declaration_in_ledger(p_edition bigint)
    RETURNS TABLE (operation text, sealed boolean, events_before bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT ecpa.may_read_results(p_edition) THEN
        RAISE EXCEPTION 'the results of this edition are not published' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
        SELECT b.operation, b.chain_position IS NOT NULL,
               (SELECT count(*) FROM ecpa.score_events e WHERE e.edition_id = p_edition AND e.batch_id < b.id)
        FROM ecpa.declarations d JOIN ecpa.score_batches b ON b.id = d.batch_id
        WHERE d.edition_id = p_edition;
END
$$;
REVOKE ALL ON FUNCTION ecpa.declaration_in_ledger(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.declaration_in_ledger(bigint)
    TO ecpa_secretariat, ecpa_national_representative, ecpa_juror, ecpa_reader;

CREATE TRIGGER declarations_audit AFTER INSERT ON ecpa.declarations
    FOR EACH ROW EXECUTE FUNCTION ecpa.audit('edition_id');

-- Editions already scoring, frozen or published are declared now, from the scheme fixed when
-- their scoring opened, and marked as recorded late.
SELECT ecpa.write_declaration(id, true) FROM ecpa.editions
WHERE phase IN ('scoring', 'frozen', 'published') AND EXISTS (SELECT FROM ecpa.schemes WHERE edition_id = editions.id)
ORDER BY id;

RESET ROLE;
