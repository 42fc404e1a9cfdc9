-- One statement, one ledger batch, also for INSERT ... ON CONFLICT DO UPDATE. Such a statement
-- fires the AFTER UPDATE statement trigger (for the rows it updated) and then the AFTER INSERT
-- one (for the rows it inserted), each with its own transition tables, so ecpa.score_statement
-- of 0012 sealed it as two batches; a score sheet import, which is one upsert, must be one link
-- of the chain. Now a BEFORE INSERT statement trigger marks an INSERT as under way (in a
-- transaction-local setting); the update part then writes its events under a new batch number
-- without sealing it, and the insert part adds its own events to that batch and seals it. The
-- rule checks are unchanged. A setting forged by a client can only leave events without a
-- sealed batch, which the deferred foreign key of score_events refuses at commit.
SET ROLE ecpa_owner;

CREATE FUNCTION ecpa.scores_upsert_begin() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
    AS $$
BEGIN
    PERFORM set_config('ecpa.score_upsert_batch', 'open', true);
    RETURN NULL;
END
$$;

CREATE TRIGGER scores_upsert_begin BEFORE INSERT ON ecpa.scores
    FOR EACH STATEMENT EXECUTE FUNCTION ecpa.scores_upsert_begin();

CREATE OR REPLACE FUNCTION ecpa.score_statement() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
    AS $$
DECLARE
    v_cells   text;
    v_writing boolean := TG_OP <> 'DELETE';
    v_bad     record;
    v_secretariat boolean := ecpa.is_secretariat();
    v_prev    text;
    v_batch   bigint;
    v_count   integer;
    v_digest  text;
    v_at      timestamptz := now();
    v_operation text := lower(TG_OP) || ' ' || TG_TABLE_NAME;
    v_found   integer;
    -- 'open' while an INSERT on scores is under way (scores_upsert_begin), then the number of
    -- the batch its ON CONFLICT DO UPDATE part has started.
    v_pending text := nullif(current_setting('ecpa.score_upsert_batch', true), '');
    v_joining boolean := TG_TABLE_NAME = 'scores' AND TG_OP IN ('INSERT', 'UPDATE')
                         AND (v_pending = 'open' OR (TG_OP = 'INSERT' AND v_pending ~ '^[0-9]+$'));
    v_any     boolean;
BEGIN
    -- An upsert that updated nothing leaves the whole batch to its insert part.
    IF v_joining AND TG_OP = 'UPDATE' THEN
        EXECUTE 'SELECT EXISTS (SELECT FROM new_rows)' INTO v_any;
        IF NOT v_any THEN
            RETURN NULL;
        END IF;
    END IF;

    v_cells := CASE
        WHEN TG_TABLE_NAME = 'scores' THEN
            format('(SELECT edition_id, entry_id, juror_id, criterion_code, value FROM %I)',
                   CASE WHEN v_writing THEN 'new_rows' ELSE 'old_rows' END)
        ELSE
            format('(SELECT edition_id, entry_id, juror_id, NULL::text AS criterion_code, NULL::numeric AS value FROM %I)',
                   CASE WHEN v_writing THEN 'new_rows' ELSE 'old_rows' END)
        END;

    EXECUTE format($q$
        SELECT c.*, ed.year, ed.phase, ed.scoring_open,
               e.id IS NOT NULL AS entry_found, e.edition_id AS entry_edition, e.state, e.kind,
               e.country_code AS entry_country, e.title,
               j.id IS NOT NULL AS juror_found, j.edition_id AS juror_edition, j.role_name, j.voting,
               j.country_code AS juror_country,
               (ed.own_country_conflict AND e.country_code = j.country_code) AS own_country,
               EXISTS (SELECT FROM ecpa.declared_conflicts d WHERE d.juror_id = c.juror_id AND d.entry_id = c.entry_id) AS declared,
               cr.code IS NOT NULL AS criterion_found, cr.name AS criterion_name,
               cr.min_value, cr.max_value, cr.step
        FROM %s c
        LEFT JOIN ecpa.editions ed ON ed.id = c.edition_id
        LEFT JOIN ecpa.entries e ON e.id = c.entry_id
        LEFT JOIN ecpa.jurors j ON j.id = c.juror_id
        LEFT JOIN ecpa.criteria cr ON cr.edition_id = c.edition_id AND cr.code = c.criterion_code
        WHERE ed.phase IS DISTINCT FROM 'scoring' OR NOT ed.scoring_open
           OR j.id IS NULL OR j.edition_id IS DISTINCT FROM c.edition_id
           OR NOT ($1 OR j.role_name = current_user)
           OR NOT j.voting
           OR e.id IS NULL OR e.edition_id IS DISTINCT FROM c.edition_id
           OR ($2 AND (
                  e.kind <> 'competing' OR e.state <> 'eligible'
                  OR (ed.own_country_conflict AND e.country_code = j.country_code)
                  OR EXISTS (SELECT FROM ecpa.declared_conflicts d WHERE d.juror_id = c.juror_id AND d.entry_id = c.entry_id)
                  OR ($3 AND (cr.code IS NULL OR NOT ecpa.on_scale(c.value, cr.min_value, cr.max_value, cr.step)))))
        LIMIT 1 $q$, v_cells)
        INTO v_bad USING v_secretariat, v_writing, TG_TABLE_NAME = 'scores';
    GET DIAGNOSTICS v_found = ROW_COUNT;

    IF v_found > 0 THEN
        IF v_bad.phase IN ('frozen', 'published') THEN
            RAISE EXCEPTION 'the scores of the % edition are frozen; nothing was changed', v_bad.year
                USING ERRCODE = 'EC002';
        ELSIF v_bad.phase IS DISTINCT FROM 'scoring' OR NOT v_bad.scoring_open THEN
            RAISE EXCEPTION 'scoring for the % edition is not open; nothing was changed', coalesce(v_bad.year::text, 'this')
                USING ERRCODE = 'EC001';
        ELSIF NOT v_bad.juror_found OR v_bad.juror_edition IS DISTINCT FROM v_bad.edition_id THEN
            RAISE EXCEPTION 'juror % is not on the jury of the % edition', v_bad.juror_id, v_bad.year
                USING ERRCODE = '23503';
        ELSIF NOT (v_secretariat OR v_bad.role_name = current_user) THEN
            RAISE EXCEPTION 'you can write only your own scores, not those of juror %', v_bad.role_name
                USING ERRCODE = '42501';
        ELSIF NOT v_bad.voting THEN
            RAISE EXCEPTION 'juror % is an advisory member of the jury and does not score', v_bad.role_name
                USING ERRCODE = '42501';
        ELSIF NOT v_bad.entry_found OR v_bad.entry_edition IS DISTINCT FROM v_bad.edition_id THEN
            RAISE EXCEPTION 'entry % is not an entry of the % edition', v_bad.entry_id, v_bad.year
                USING ERRCODE = '23503';
        ELSIF v_bad.kind <> 'competing' THEN
            RAISE EXCEPTION 'entry % "%" is an additional entry; only competing entries are scored', v_bad.entry_id, v_bad.title
                USING ERRCODE = 'EC004';
        ELSIF v_bad.state <> 'eligible' THEN
            RAISE EXCEPTION 'entry % "%" is %; only eligible entries are scored', v_bad.entry_id, v_bad.title, v_bad.state
                USING ERRCODE = 'EC004';
        ELSIF v_bad.own_country THEN
            RAISE EXCEPTION 'juror % is from %, the country of entry % "%", and does not score it',
                    v_bad.role_name, v_bad.juror_country, v_bad.entry_id, v_bad.title
                USING ERRCODE = 'EC005';
        ELSIF v_bad.declared THEN
            RAISE EXCEPTION 'juror % declared a conflict of interest with entry % "%" and does not score it',
                    v_bad.role_name, v_bad.entry_id, v_bad.title
                USING ERRCODE = 'EC005';
        ELSIF NOT v_bad.criterion_found THEN
            RAISE EXCEPTION 'the % edition has no criterion "%"', v_bad.year, v_bad.criterion_code
                USING ERRCODE = '23503';
        ELSE
            RAISE EXCEPTION '% is not on the scale of % for entry %: scores go from % to % in steps of %',
                    v_bad.value, v_bad.criterion_name, v_bad.entry_id, v_bad.min_value, v_bad.max_value, v_bad.step
                USING ERRCODE = '23514', CONSTRAINT = 'scores_on_scale';
        END IF;
    END IF;

    -- A cell is either scored or abstained, never both.
    IF v_writing THEN
        PERFORM FROM ecpa.abstentions a
        WHERE EXISTS (SELECT FROM ecpa.scores s WHERE s.entry_id = a.entry_id AND s.juror_id = a.juror_id);
        IF FOUND THEN
            RAISE EXCEPTION 'a juror cannot both score and abstain on the same entry; withdraw the abstention or delete the scores first'
                USING ERRCODE = 'EC004';
        END IF;
    END IF;

    -- Append the batch: lock the head (serializing every writer), write the events, seal. The
    -- insert part of an upsert continues the batch its update part started (and locked for).
    SELECT hash INTO v_prev FROM ecpa.ledger_head FOR UPDATE;
    IF v_joining AND TG_OP = 'INSERT' AND v_pending <> 'open' THEN
        v_batch := v_pending::bigint;
        IF EXISTS (SELECT FROM ecpa.score_batches WHERE id = v_batch) THEN
            RAISE EXCEPTION 'score batch % is already sealed', v_batch USING ERRCODE = '42501';
        END IF;
        v_operation := 'upsert scores';
    ELSE
        v_batch := nextval('ecpa.score_batch_ids');
    END IF;
    IF TG_TABLE_NAME = 'scores' THEN
        EXECUTE format($q$
            INSERT INTO ecpa.score_events (batch_id, edition_id, entry_id, juror_id, criterion_code, action,
                                           old_value, new_value, old_comment, new_comment)
            SELECT $1, coalesce(n.edition_id, o.edition_id), coalesce(n.entry_id, o.entry_id),
                   coalesce(n.juror_id, o.juror_id), coalesce(n.criterion_code, o.criterion_code), $2,
                   o.value, n.value, o.comment, n.comment
            FROM %s
            ORDER BY 3, 4, 5, 6 $q$,
            CASE TG_OP
                WHEN 'INSERT' THEN 'new_rows n LEFT JOIN (SELECT * FROM new_rows WHERE false) o ON false'
                WHEN 'DELETE' THEN 'old_rows o LEFT JOIN (SELECT * FROM old_rows WHERE false) n ON false'
                ELSE 'new_rows n JOIN old_rows o USING (entry_id, juror_id, criterion_code)'
            END)
            USING v_batch, lower(TG_OP);
    ELSE
        EXECUTE format($q$
            INSERT INTO ecpa.score_events (batch_id, edition_id, entry_id, juror_id, criterion_code, action,
                                           old_comment, new_comment)
            SELECT $1, r.edition_id, r.entry_id, r.juror_id, NULL, $2, $3, r.comment
            FROM %I r ORDER BY 3, 4 $q$,
            CASE WHEN v_writing THEN 'new_rows' ELSE 'old_rows' END)
            USING v_batch, CASE WHEN v_writing THEN 'abstain' ELSE 'unabstain' END, NULL::text;
    END IF;

    -- The update part of an upsert leaves its events for the insert part, which fires next.
    IF v_joining AND TG_OP = 'UPDATE' THEN
        PERFORM set_config('ecpa.score_upsert_batch', v_batch::text, true);
        RETURN NULL;
    ELSIF v_joining THEN
        PERFORM set_config('ecpa.score_upsert_batch', '', true);
    END IF;

    SELECT count(*), encode(sha256(convert_to(coalesce(string_agg(ecpa.score_event_text(e), E'\n' ORDER BY e.id), ''), 'UTF8')), 'hex')
    INTO v_count, v_digest
    FROM ecpa.score_events e WHERE e.batch_id = v_batch;
    IF v_count = 0 THEN
        RETURN NULL;
    END IF;
    INSERT INTO ecpa.score_batches (id, at, actor, operation, event_count, rows_digest, prev_hash, hash)
    VALUES (v_batch, v_at, current_user, v_operation, v_count, v_digest, v_prev,
            ecpa.score_batch_hash(v_prev, v_batch, v_at, current_user, v_operation, v_count, v_digest));
    UPDATE ecpa.ledger_head SET batch_id = v_batch,
        hash = (SELECT hash FROM ecpa.score_batches WHERE id = v_batch);
    RETURN NULL;
END
$$;

RESET ROLE;
