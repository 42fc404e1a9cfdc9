-- What the jury decides, on the record (issue "what the jury decides", item 5): the decision
-- record. For each medal the chair of the jury names a rapporteur, a voting juror of the edition,
-- who writes the jury's reasons; any juror of the edition may add a minority view; the chair signs
-- the record off. Signing renders the record as one canonical text (ecpa.decision_record_text;
-- DecisionRecord.canonicalText in Swift writes the same bytes), puts its SHA-256 into the score
-- ledger and seals it: nothing in the record changes afterwards, for anyone, the owner included.
--
-- The record is written from the moment scoring has closed (the deliberation included) while the
-- edition is in scoring or frozen, until it is signed, and never after publication. A freeze whose
-- ranking has a jury override needs a signed record: every deviation from the declared result
-- carries the jury's reasons.
--
-- Each row is kept until signed and rewritten in place (a rapporteur rewrites their reasons, a
-- juror their view); the audit log keeps every earlier version, for the secretariat, who may read
-- the record anyway.
SET ROLE ecpa_owner;

-- One row per medal: its rapporteur and, once written, the jury's reasons.
CREATE TABLE ecpa.medal_reasons (
    edition_id    bigint NOT NULL REFERENCES ecpa.editions (id),
    medal         text NOT NULL CHECK (medal IN ('gold', 'silver', 'bronze')),
    rapporteur_id bigint NOT NULL REFERENCES ecpa.jurors (id),
    reasons       text CHECK (reasons IS NULL OR (ecpa.is_clean_text(reasons, true) AND ecpa.has_text(reasons))),
    named_at      timestamptz NOT NULL,
    named_by      text NOT NULL,
    written_at    timestamptz,
    PRIMARY KEY (edition_id, medal),
    CONSTRAINT medal_reasons_length CHECK (char_length(reasons) <= 4000),
    CONSTRAINT medal_reasons_written CHECK ((reasons IS NULL) = (written_at IS NULL))
);

-- A juror's minority view on a medal, one per juror and medal.
CREATE TABLE ecpa.minority_views (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    edition_id bigint NOT NULL REFERENCES ecpa.editions (id),
    medal      text NOT NULL CHECK (medal IN ('gold', 'silver', 'bronze')),
    juror_id   bigint NOT NULL REFERENCES ecpa.jurors (id),
    view_text  text NOT NULL CHECK (ecpa.is_clean_text(view_text, true) AND ecpa.has_text(view_text)),
    written_at timestamptz NOT NULL,
    written_by text NOT NULL,
    CONSTRAINT minority_views_one_per_juror UNIQUE (edition_id, medal, juror_id),
    CONSTRAINT minority_views_length CHECK (char_length(view_text) <= 4000)
);

-- The chair's sign-off: the record's SHA-256 and the ledger batch that names it.
CREATE TABLE ecpa.decision_signoffs (
    edition_id  bigint PRIMARY KEY REFERENCES ecpa.editions (id),
    chair_id    bigint NOT NULL REFERENCES ecpa.jurors (id),
    signed_at   timestamptz NOT NULL,
    signed_by   text NOT NULL,
    record_hash text NOT NULL CHECK (record_hash ~ '^[0-9a-f]{64}$'),
    batch_id    bigint NOT NULL UNIQUE REFERENCES ecpa.score_batches (id)
);

-- Nothing is deleted or truncated; a sign-off is never changed; nothing of a signed or published
-- edition's record is written; a rapporteur or a minority view's juror sits on the edition's jury.
-- For everyone, owner-run code included.
CREATE FUNCTION ecpa.decision_record_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_edition ecpa.editions;
    v_juror   bigint;
BEGIN
    IF TG_LEVEL = 'STATEMENT' OR TG_OP = 'DELETE' OR TG_TABLE_NAME = 'decision_signoffs' AND TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'the decision record is never deleted, and a sign-off never changes: % of % is refused', lower(TG_OP), TG_TABLE_NAME
            USING ERRCODE = '42501';
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.edition_id IS DISTINCT FROM OLD.edition_id THEN
        RAISE EXCEPTION 'a decision record stays with its edition' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_edition FROM ecpa.editions WHERE id = NEW.edition_id;
    IF v_edition.phase = 'published' THEN
        RAISE EXCEPTION 'the % edition is published; its decision record no longer changes', v_edition.year USING ERRCODE = 'EC002';
    END IF;
    IF EXISTS (SELECT FROM ecpa.decision_signoffs WHERE edition_id = NEW.edition_id) THEN
        RAISE EXCEPTION 'the decision record of the % edition is signed; nothing in it changes', v_edition.year USING ERRCODE = 'EC002';
    END IF;
    -- One assignment per table: NEW has only its own table's columns.
    IF TG_TABLE_NAME = 'medal_reasons' THEN
        v_juror := NEW.rapporteur_id;
    ELSIF TG_TABLE_NAME = 'minority_views' THEN
        v_juror := NEW.juror_id;
    ELSE
        v_juror := NEW.chair_id;
    END IF;
    IF NOT EXISTS (SELECT FROM ecpa.jurors WHERE id = v_juror AND edition_id = NEW.edition_id) THEN
        RAISE EXCEPTION 'juror % is not on the jury of the % edition', v_juror, v_edition.year USING ERRCODE = '23503';
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION ecpa.decision_record_guard() FROM PUBLIC;
CREATE TRIGGER medal_reasons_guard BEFORE INSERT OR UPDATE OR DELETE ON ecpa.medal_reasons
    FOR EACH ROW EXECUTE FUNCTION ecpa.decision_record_guard();
CREATE TRIGGER medal_reasons_no_truncate BEFORE TRUNCATE ON ecpa.medal_reasons
    FOR EACH STATEMENT EXECUTE FUNCTION ecpa.decision_record_guard();
CREATE TRIGGER minority_views_guard BEFORE INSERT OR UPDATE OR DELETE ON ecpa.minority_views
    FOR EACH ROW EXECUTE FUNCTION ecpa.decision_record_guard();
CREATE TRIGGER minority_views_no_truncate BEFORE TRUNCATE ON ecpa.minority_views
    FOR EACH STATEMENT EXECUTE FUNCTION ecpa.decision_record_guard();
CREATE TRIGGER decision_signoffs_guard BEFORE INSERT OR UPDATE OR DELETE ON ecpa.decision_signoffs
    FOR EACH ROW EXECUTE FUNCTION ecpa.decision_record_guard();
CREATE TRIGGER decision_signoffs_no_truncate BEFORE TRUNCATE ON ecpa.decision_signoffs
    FOR EACH STATEMENT EXECUTE FUNCTION ecpa.decision_record_guard();

-- Who reads the record before publication: the secretariat, and the jurors of its edition. Others
-- get no right on the tables (EXPLAIN ANALYZE would count the rows a policy removed); everyone
-- reads a published edition's record through the published_* functions below.
ALTER TABLE ecpa.medal_reasons ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.medal_reasons FORCE ROW LEVEL SECURITY;
CREATE POLICY medal_reasons_owner ON ecpa.medal_reasons TO ecpa_owner USING (true) WITH CHECK (true);
CREATE POLICY medal_reasons_secretariat ON ecpa.medal_reasons FOR SELECT TO ecpa_secretariat USING (true);
CREATE POLICY medal_reasons_jury ON ecpa.medal_reasons FOR SELECT TO ecpa_juror
    USING (edition_id IN (SELECT edition_id FROM ecpa.jurors WHERE role_name = ecpa.actor()));

ALTER TABLE ecpa.minority_views ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.minority_views FORCE ROW LEVEL SECURITY;
CREATE POLICY minority_views_owner ON ecpa.minority_views TO ecpa_owner USING (true) WITH CHECK (true);
CREATE POLICY minority_views_secretariat ON ecpa.minority_views FOR SELECT TO ecpa_secretariat USING (true);
CREATE POLICY minority_views_jury ON ecpa.minority_views FOR SELECT TO ecpa_juror
    USING (edition_id IN (SELECT edition_id FROM ecpa.jurors WHERE role_name = ecpa.actor()));

ALTER TABLE ecpa.decision_signoffs ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.decision_signoffs FORCE ROW LEVEL SECURITY;
CREATE POLICY decision_signoffs_owner ON ecpa.decision_signoffs TO ecpa_owner USING (true) WITH CHECK (true);
CREATE POLICY decision_signoffs_secretariat ON ecpa.decision_signoffs FOR SELECT TO ecpa_secretariat USING (true);
CREATE POLICY decision_signoffs_jury ON ecpa.decision_signoffs FOR SELECT TO ecpa_juror
    USING (edition_id IN (SELECT edition_id FROM ecpa.jurors WHERE role_name = ecpa.actor()));

GRANT SELECT ON ecpa.medal_reasons, ecpa.minority_views, ecpa.decision_signoffs TO ecpa_secretariat, ecpa_juror;

-- No planner statistics on a table under row-level security (0027).
ALTER TABLE ecpa.medal_reasons
    ALTER COLUMN medal SET STATISTICS 0, ALTER COLUMN rapporteur_id SET STATISTICS 0, ALTER COLUMN reasons SET STATISTICS 0,
    ALTER COLUMN named_at SET STATISTICS 0, ALTER COLUMN named_by SET STATISTICS 0, ALTER COLUMN written_at SET STATISTICS 0;
ALTER TABLE ecpa.minority_views
    ALTER COLUMN medal SET STATISTICS 0, ALTER COLUMN juror_id SET STATISTICS 0, ALTER COLUMN view_text SET STATISTICS 0,
    ALTER COLUMN written_at SET STATISTICS 0, ALTER COLUMN written_by SET STATISTICS 0;
ALTER TABLE ecpa.decision_signoffs
    ALTER COLUMN chair_id SET STATISTICS 0, ALTER COLUMN signed_at SET STATISTICS 0, ALTER COLUMN signed_by SET STATISTICS 0,
    ALTER COLUMN record_hash SET STATISTICS 0, ALTER COLUMN batch_id SET STATISTICS 0;

-- The point the record's writers hold (FOR SHARE) and the sign-off moves: a sign-off waits for the
-- writes in flight, and a write from a snapshot older than the sign-off fails (40001). Every
-- edition has it from its creation, so that no first writer makes the others wait.
CREATE FUNCTION ecpa.create_record_point() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    INSERT INTO ecpa.serialization_points (point) VALUES ('record:' || NEW.id) ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION ecpa.create_record_point() FROM PUBLIC;
CREATE TRIGGER editions_record_point AFTER INSERT ON ecpa.editions
    FOR EACH ROW EXECUTE FUNCTION ecpa.create_record_point();
INSERT INTO ecpa.serialization_points (point) SELECT 'record:' || id FROM ecpa.editions ON CONFLICT DO NOTHING;

-- The record as one text: a first line naming the edition, then per medal (gold, silver, bronze)
-- its rapporteur's reasons and then its minority views in the order first written, each a JSON
-- array on a line of its own. DecisionRecord.canonicalText in Swift writes the same bytes.
CREATE FUNCTION ecpa.decision_record_text(p_edition bigint) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT 'ecpa decision record of edition ' || p_edition || E'\n'
            || coalesce((SELECT string_agg(line, '' ORDER BY medal_order, kind_order, id)
                         FROM (SELECT array_position(ARRAY['gold', 'silver', 'bronze'], r.medal) AS medal_order, 0 AS kind_order,
                                      0::bigint AS id,
                                      jsonb_build_array(r.medal, 'reasons', r.rapporteur_id, r.reasons)::text || E'\n' AS line
                               FROM ecpa.medal_reasons r WHERE r.edition_id = p_edition
                               UNION ALL
                               SELECT array_position(ARRAY['gold', 'silver', 'bronze'], v.medal), 1, v.id,
                                      jsonb_build_array(v.medal, 'minority', v.juror_id, v.view_text)::text || E'\n'
                               FROM ecpa.minority_views v WHERE v.edition_id = p_edition) lines), '')
    $$;
REVOKE ALL ON FUNCTION ecpa.decision_record_text(bigint) FROM PUBLIC;

-- What every write of the record begins with, after the writer's seat is checked: the edition read,
-- then read again FOR SHARE (an older snapshot fails with 40001, a phase change in flight makes it
-- wait), the record's point held (or, to sign, moved), and the phase and the sign-off checked.
CREATE FUNCTION ecpa.take_decision_record(p_edition bigint, p_sign boolean) RETURNS ecpa.editions
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_edition ecpa.editions;
BEGIN
    FOR v_pass IN 1..2 LOOP
        IF v_pass = 1 THEN
            SELECT * INTO v_edition FROM ecpa.editions WHERE id = p_edition;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'there is no edition with id %', p_edition USING ERRCODE = '23503';
            END IF;
        ELSE
            SELECT * INTO v_edition FROM ecpa.editions WHERE id = p_edition FOR SHARE;
            PERFORM ecpa.refuse_while_edition_changes(p_edition);
            IF p_sign THEN
                PERFORM ecpa.bump('record:' || p_edition);
            ELSE
                PERFORM ecpa.hold('record:' || p_edition);
            END IF;
        END IF;
        IF v_edition.phase = 'published' THEN
            RAISE EXCEPTION 'the % edition is published; its decision record no longer changes', v_edition.year USING ERRCODE = 'EC002';
        END IF;
        IF NOT (v_edition.phase = 'frozen' OR v_edition.phase = 'scoring' AND NOT v_edition.scoring_open) THEN
            RAISE EXCEPTION 'the decision record of the % edition is written once scoring has closed, not in the % phase%', v_edition.year,
                    replace(v_edition.phase, '_', ' '), CASE WHEN v_edition.scoring_open THEN ' while scoring is open' ELSE '' END
                USING ERRCODE = 'EC001';
        END IF;
    END LOOP;
    IF EXISTS (SELECT FROM ecpa.decision_signoffs WHERE edition_id = p_edition) THEN
        RAISE EXCEPTION 'the decision record of the % edition is signed; nothing in it changes', v_edition.year USING ERRCODE = 'EC002';
    END IF;
    RETURN v_edition;
END
$$;
REVOKE ALL ON FUNCTION ecpa.take_decision_record(bigint, boolean) FROM PUBLIC;

-- The acting person's seat on an edition's jury, or a refusal; with p_chair, their seat as chair.
CREATE FUNCTION ecpa.my_record_seat(p_edition bigint, p_chair boolean, p_action text) RETURNS ecpa.jurors
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_seat ecpa.jurors;
BEGIN
    SELECT * INTO v_seat FROM ecpa.jurors WHERE edition_id = p_edition AND role_name = ecpa.actor();
    IF NOT FOUND THEN
        RAISE EXCEPTION 'only a juror of this edition %', p_action USING ERRCODE = '42501';
    END IF;
    IF p_chair AND NOT v_seat.chair THEN
        RAISE EXCEPTION 'only the chair of the jury %', p_action USING ERRCODE = '42501';
    END IF;
    RETURN v_seat;
END
$$;
REVOKE ALL ON FUNCTION ecpa.my_record_seat(bigint, boolean, text) FROM PUBLIC;

CREATE FUNCTION ecpa.check_medal(p_medal text) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF p_medal IS NULL OR p_medal NOT IN ('gold', 'silver', 'bronze') THEN
        RAISE EXCEPTION 'the medal is gold, silver or bronze, not %', coalesce(p_medal, 'none') USING ERRCODE = '22023';
    END IF;
END
$$;
REVOKE ALL ON FUNCTION ecpa.check_medal(text) FROM PUBLIC;

-- The chair names (or renames) the rapporteur of a medal, a voting juror of the edition. A new
-- rapporteur starts from no reasons: what the former one wrote was theirs.
CREATE FUNCTION ecpa.name_rapporteur(p_edition bigint, p_medal text, p_juror bigint) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_chair ecpa.jurors := ecpa.my_record_seat(p_edition, true, 'names a rapporteur');
BEGIN
    PERFORM ecpa.check_medal(p_medal);
    IF NOT EXISTS (SELECT FROM ecpa.jurors WHERE id = p_juror AND edition_id = p_edition AND voting) THEN
        RAISE EXCEPTION 'juror % is not a voting juror of this edition', p_juror USING ERRCODE = '23503';
    END IF;
    PERFORM ecpa.take_decision_record(p_edition, false);
    INSERT INTO ecpa.medal_reasons AS r (edition_id, medal, rapporteur_id, named_at, named_by)
    VALUES (p_edition, p_medal, p_juror, clock_timestamp(), ecpa.actor())
    ON CONFLICT (edition_id, medal) DO UPDATE
        SET rapporteur_id = EXCLUDED.rapporteur_id, named_at = EXCLUDED.named_at, named_by = EXCLUDED.named_by,
            reasons = CASE WHEN r.rapporteur_id = EXCLUDED.rapporteur_id THEN r.reasons END,
            written_at = CASE WHEN r.rapporteur_id = EXCLUDED.rapporteur_id THEN r.written_at END;
END
$$;

-- A medal's rapporteur writes (or rewrites) the jury's reasons for it.
CREATE FUNCTION ecpa.write_reasons(p_edition bigint, p_medal text, p_reasons text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_seat ecpa.jurors := ecpa.my_record_seat(p_edition, false, 'writes the jury''s reasons');
    v_rapporteur bigint;
BEGIN
    PERFORM ecpa.check_medal(p_medal);
    PERFORM ecpa.take_decision_record(p_edition, false);
    UPDATE ecpa.medal_reasons SET reasons = p_reasons, written_at = clock_timestamp()
    WHERE edition_id = p_edition AND medal = p_medal AND rapporteur_id = v_seat.id;
    IF NOT FOUND THEN
        SELECT rapporteur_id INTO v_rapporteur FROM ecpa.medal_reasons WHERE edition_id = p_edition AND medal = p_medal;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'no rapporteur is named for %: the chair names one first', p_medal
                USING ERRCODE = 'EC004', HINT = 'The chair runs `ecpa results rapporteur`.';
        END IF;
        RAISE EXCEPTION 'only the rapporteur of % writes its reasons', p_medal USING ERRCODE = '42501';
    END IF;
END
$$;

-- A juror of the edition adds (or rewrites) their own minority view on a medal.
CREATE FUNCTION ecpa.add_minority_view(p_edition bigint, p_medal text, p_view text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_seat ecpa.jurors := ecpa.my_record_seat(p_edition, false, 'adds a minority view');
BEGIN
    PERFORM ecpa.check_medal(p_medal);
    PERFORM ecpa.take_decision_record(p_edition, false);
    INSERT INTO ecpa.minority_views AS v (edition_id, medal, juror_id, view_text, written_at, written_by)
    VALUES (p_edition, p_medal, v_seat.id, p_view, clock_timestamp(), ecpa.actor())
    ON CONFLICT (edition_id, medal, juror_id) DO UPDATE
        SET view_text = EXCLUDED.view_text, written_at = EXCLUDED.written_at, written_by = EXCLUDED.written_by;
END
$$;

-- The chair signs the record off, in a READ COMMITTED transaction (its checks see every write
-- committed before it): every medal the podium awards has its reasons (the frozen podium's medals,
-- or before the freeze gold, silver and bronze as far as there are eligible competing entries),
-- every named rapporteur has written. The record's SHA-256 goes into the score ledger, which the
-- freeze seals, or the publication when the record is signed after the freeze. Returns the hash.
CREATE FUNCTION ecpa.sign_record(p_edition bigint) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_chair   ecpa.jurors := ecpa.my_record_seat(p_edition, true, 'signs the decision record');
    v_edition ecpa.editions;
    v_needed  text[];
    v_missing text;
    v_hash    text;
    v_batch   bigint;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'the chair signs the decision record in a READ COMMITTED transaction, which sees everything committed before it'
            USING ERRCODE = '25000';
    END IF;
    v_edition := ecpa.take_decision_record(p_edition, true);
    -- The record answers for a decided podium: the rounds the edition declared are over.
    IF v_edition.phase = 'scoring' AND (
           (SELECT decision_deliberation FROM ecpa.schemes WHERE edition_id = p_edition) AND v_edition.scoring_stage = 'scores'
           OR (SELECT decision_ballot FROM ecpa.schemes WHERE edition_id = p_edition) AND v_edition.scoring_stage <> 'ballot-closed') THEN
        RAISE EXCEPTION 'the % edition''s declared deliberation and final ballot come before the sign-off; the record answers for their outcome',
                v_edition.year
            USING ERRCODE = 'EC003';
    END IF;
    IF v_edition.phase = 'frozen' THEN
        v_needed := ARRAY(SELECT DISTINCT medal FROM ecpa.frozen_places WHERE edition_id = p_edition AND medal IS NOT NULL);
    ELSE
        v_needed := (ARRAY['gold', 'silver', 'bronze'])[1:(SELECT count(*) FROM ecpa.entries
                                                            WHERE edition_id = p_edition AND kind = 'competing' AND state = 'eligible')::integer];
    END IF;
    SELECT m INTO v_missing FROM unnest(ARRAY['gold', 'silver', 'bronze']) m
    WHERE (m = ANY (v_needed) AND NOT EXISTS (SELECT FROM ecpa.medal_reasons WHERE edition_id = p_edition AND medal = m))
       OR EXISTS (SELECT FROM ecpa.medal_reasons WHERE edition_id = p_edition AND medal = m AND reasons IS NULL)
    ORDER BY array_position(ARRAY['gold', 'silver', 'bronze'], m) LIMIT 1;
    IF v_missing IS NOT NULL THEN
        RAISE EXCEPTION 'the jury''s reasons for % are not written yet; the record is signed once every medal has them', v_missing
            USING ERRCODE = 'EC004';
    END IF;
    v_hash := encode(sha256(convert_to(ecpa.decision_record_text(p_edition), 'UTF8')), 'hex');
    v_batch := ecpa.append_ledger_note('sign decision record of edition ' || p_edition || ' sha256:' || v_hash);
    INSERT INTO ecpa.decision_signoffs (edition_id, chair_id, signed_at, signed_by, record_hash, batch_id)
    VALUES (p_edition, v_chair.id, clock_timestamp(), ecpa.actor(), v_hash, v_batch);
    RETURN v_hash;
END
$$;

REVOKE ALL ON FUNCTION ecpa.name_rapporteur(bigint, text, bigint), ecpa.write_reasons(bigint, text, text),
    ecpa.add_minority_view(bigint, text, text), ecpa.sign_record(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.name_rapporteur(bigint, text, bigint), ecpa.write_reasons(bigint, text, text),
    ecpa.add_minority_view(bigint, text, text), ecpa.sign_record(bigint) TO ecpa_juror;

-- A freeze whose ranking has a jury override needs the signed record: the deviation from the
-- declared result carries the jury's reasons.
CREATE FUNCTION ecpa.editions_need_decision_record() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NEW.phase = 'frozen' AND OLD.phase = 'scoring'
       AND EXISTS (SELECT FROM ecpa.overrides WHERE edition_id = NEW.id)
       AND NOT EXISTS (SELECT FROM ecpa.decision_signoffs WHERE edition_id = NEW.id) THEN
        RAISE EXCEPTION 'the % edition''s ranking has a jury override; the jury''s decision record must be signed before the freeze', NEW.year
            USING ERRCODE = 'EC003',
                  HINT = format('The chair signs it with `ecpa results sign --edition %s` once every medal has its reasons.', NEW.year);
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION ecpa.editions_need_decision_record() FROM PUBLIC;
CREATE TRIGGER editions_need_decision_record BEFORE UPDATE ON ecpa.editions
    FOR EACH ROW EXECUTE FUNCTION ecpa.editions_need_decision_record();

-- A record signed after the freeze joins the hash chain at the publication, which the secretariat
-- makes (the chair does not seal the ledger).
CREATE FUNCTION ecpa.editions_seal_decision_record() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NEW.phase = 'published' AND OLD.phase = 'frozen'
       AND EXISTS (SELECT FROM ecpa.decision_signoffs s JOIN ecpa.score_batches b ON b.id = s.batch_id
                   WHERE s.edition_id = NEW.id AND b.chain_position IS NULL) THEN
        PERFORM ecpa.seal_score_ledger();
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION ecpa.editions_seal_decision_record() FROM PUBLIC;
CREATE TRIGGER editions_seal_decision_record BEFORE UPDATE ON ecpa.editions
    FOR EACH ROW EXECUTE FUNCTION ecpa.editions_seal_decision_record();

-- A published edition's record, for everyone (jurors by seat id, as ecpa.published_jurors names them).
CREATE FUNCTION ecpa.published_medal_reasons(p_edition bigint)
    RETURNS TABLE (edition_id bigint, medal text, rapporteur_id bigint, reasons text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT ecpa.may_read_results(p_edition) THEN
        RETURN;
    END IF;
    RETURN QUERY SELECT r.edition_id, r.medal, r.rapporteur_id, r.reasons FROM ecpa.medal_reasons r WHERE r.edition_id = p_edition;
END
$$;

CREATE FUNCTION ecpa.published_minority_views(p_edition bigint)
    RETURNS TABLE (id bigint, edition_id bigint, medal text, juror_id bigint, view_text text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT ecpa.may_read_results(p_edition) THEN
        RETURN;
    END IF;
    RETURN QUERY SELECT v.id, v.edition_id, v.medal, v.juror_id, v.view_text FROM ecpa.minority_views v WHERE v.edition_id = p_edition;
END
$$;

CREATE FUNCTION ecpa.published_decision_signoffs(p_edition bigint)
    RETURNS TABLE (edition_id bigint, chair_id bigint, signed_at timestamptz, record_hash text, batch_id bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT ecpa.may_read_results(p_edition) THEN
        RETURN;
    END IF;
    RETURN QUERY SELECT s.edition_id, s.chair_id, s.signed_at, s.record_hash, s.batch_id
                 FROM ecpa.decision_signoffs s WHERE s.edition_id = p_edition;
END
$$;

-- Where the sign-off stands in the score ledger, for `results verify`: every note that signs this
-- edition's record, and whether it is sealed into the chain.
CREATE FUNCTION ecpa.decision_record_in_ledger(p_edition bigint)
    RETURNS TABLE (batch_id bigint, operation text, sealed boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_prefix text := 'sign decision record of edition ' || p_edition || ' sha256:';
BEGIN
    IF NOT ecpa.may_read_results(p_edition) THEN
        RAISE EXCEPTION 'the results of this edition are not published' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
        SELECT b.id, b.operation, b.chain_position IS NOT NULL FROM ecpa.score_batches b
        WHERE left(b.operation, length(v_prefix)) = v_prefix ORDER BY b.id;
END
$$;

REVOKE ALL ON FUNCTION ecpa.published_medal_reasons(bigint), ecpa.published_minority_views(bigint),
    ecpa.published_decision_signoffs(bigint), ecpa.decision_record_in_ledger(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.published_medal_reasons(bigint), ecpa.published_minority_views(bigint),
    ecpa.published_decision_signoffs(bigint), ecpa.decision_record_in_ledger(bigint)
    TO ecpa_secretariat, ecpa_national_representative, ecpa_juror, ecpa_reader;

CREATE TRIGGER medal_reasons_audit AFTER INSERT OR UPDATE ON ecpa.medal_reasons
    FOR EACH ROW EXECUTE FUNCTION ecpa.audit('medal');
CREATE TRIGGER minority_views_audit AFTER INSERT OR UPDATE ON ecpa.minority_views
    FOR EACH ROW EXECUTE FUNCTION ecpa.audit('id');
CREATE TRIGGER decision_signoffs_audit AFTER INSERT ON ecpa.decision_signoffs
    FOR EACH ROW EXECUTE FUNCTION ecpa.audit('edition_id');

-- What the signed record answers for stays as it was signed: no jury override is set, changed or
-- cleared after the sign-off (a deviation from the declared result needs the record, and one made
-- later would not be in it). The record's point is held, so a sign-off in flight is waited for and
-- one committed since this transaction's snapshot makes it fail (40001). The trigger's name puts
-- it after overrides_guard, which refuses a frozen edition's overrides first.
CREATE FUNCTION ecpa.overrides_fixed_by_signoff() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_edition bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.edition_id ELSE NEW.edition_id END;
BEGIN
    PERFORM ecpa.hold('record:' || v_edition);
    IF EXISTS (SELECT FROM ecpa.decision_signoffs WHERE edition_id = v_edition) THEN
        RAISE EXCEPTION 'the decision record of this edition is signed; its overrides no longer change' USING ERRCODE = 'EC001',
            HINT = 'A jury override is set before the chair signs the record, which must give the reasons for it.';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
REVOKE ALL ON FUNCTION ecpa.overrides_fixed_by_signoff() FROM PUBLIC;
CREATE TRIGGER overrides_held_by_signoff BEFORE INSERT OR UPDATE OR DELETE ON ecpa.overrides
    FOR EACH ROW EXECUTE FUNCTION ecpa.overrides_fixed_by_signoff();

-- The sign-off settles the podium it answers for, whether it comes before the freeze or after:
-- from then on scoring does not reopen, no stage begins or ends, no entry changes its state or
-- kind, no conflict is declared or cleared, and no revision or ballot is written (a hostile review
-- found that scoring reopened after a sign-off moved the medals under the signed reasons, and
-- verify still passed). Each check holds the record's point, as the override's does; the trigger
-- runs as the owner, who may hold it, whoever writes.
CREATE FUNCTION ecpa.refuse_after_signoff(p_edition bigint, p_what text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    PERFORM ecpa.hold('record:' || p_edition);
    IF EXISTS (SELECT FROM ecpa.decision_signoffs WHERE edition_id = p_edition) THEN
        RAISE EXCEPTION 'the jury''s decision record of this edition is signed, which settles the podium: %', p_what
            USING ERRCODE = 'EC001';
    END IF;
END
$$;
REVOKE ALL ON FUNCTION ecpa.refuse_after_signoff(bigint, text) FROM PUBLIC;

CREATE FUNCTION ecpa.settled_by_signoff() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    CASE TG_TABLE_NAME
    WHEN 'editions' THEN
        IF NEW.scoring_open AND NOT OLD.scoring_open THEN
            PERFORM ecpa.refuse_after_signoff(NEW.id, 'scoring does not open again');
        ELSIF NEW.scoring_stage IS DISTINCT FROM OLD.scoring_stage THEN
            PERFORM ecpa.refuse_after_signoff(NEW.id, 'no deliberation or ballot begins or ends');
        END IF;
    WHEN 'entries' THEN
        IF (NEW.state, NEW.kind) IS DISTINCT FROM (OLD.state, OLD.kind) THEN
            PERFORM ecpa.refuse_after_signoff(NEW.edition_id, 'no entry changes its eligibility');
        END IF;
    WHEN 'declared_conflicts' THEN
        PERFORM ecpa.refuse_after_signoff(
            (SELECT edition_id FROM ecpa.jurors WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.juror_id ELSE NEW.juror_id END),
            'no conflict is declared or cleared');
    ELSE
        PERFORM ecpa.refuse_after_signoff(NEW.edition_id, 'no score is revised and no ballot is cast');
    END CASE;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
REVOKE ALL ON FUNCTION ecpa.settled_by_signoff() FROM PUBLIC;
CREATE TRIGGER editions_settled_by_signoff BEFORE UPDATE ON ecpa.editions
    FOR EACH ROW EXECUTE FUNCTION ecpa.settled_by_signoff();
CREATE TRIGGER entries_settled_by_signoff BEFORE UPDATE ON ecpa.entries
    FOR EACH ROW EXECUTE FUNCTION ecpa.settled_by_signoff();
CREATE TRIGGER declared_conflicts_settled_by_signoff BEFORE INSERT OR UPDATE OR DELETE ON ecpa.declared_conflicts
    FOR EACH ROW EXECUTE FUNCTION ecpa.settled_by_signoff();
CREATE TRIGGER revisions_settled_by_signoff BEFORE INSERT ON ecpa.revisions
    FOR EACH ROW EXECUTE FUNCTION ecpa.settled_by_signoff();
CREATE TRIGGER ballots_settled_by_signoff BEFORE INSERT ON ecpa.ballots
    FOR EACH ROW EXECUTE FUNCTION ecpa.settled_by_signoff();

RESET ROLE;
