-- Feedback letters (issue 12, item 2): after publication each competing entry's representative
-- learns how it fared, with the jurors' comments on it. The comments are in no published function
-- (published_scores shows values by seat, never comments); this one returns them for one entry's
-- letter, without the juror: no seat, no id, no name, and in an order that says nothing of who
-- wrote them (by criterion, then by the comment's SHA-256). It runs as the owner and answers only
-- once the entry's edition is published, and then only the secretariat and the national
-- representative of the entry's own country; everyone else, and everyone before publication, is
-- refused with 42501, the same answer whether the entry exists or not. Everything else the letter
-- shows (place, means, the jury's reasons) is already published to everyone.
SET ROLE ecpa_owner;

CREATE FUNCTION ecpa.feedback_comments(p_entry bigint)
    RETURNS TABLE (criterion_code text, comment text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_country text;
BEGIN
    -- Published is the last phase: nothing leaves it, so a snapshot of it is the present.
    SELECT e.country_code INTO v_country
    FROM ecpa.entries e JOIN ecpa.editions ed ON ed.id = e.edition_id
    WHERE e.id = p_entry AND ed.phase = 'published' AND e.kind = 'competing' AND e.state = 'eligible';
    -- my_country() is NULL for anyone who is not a representative: coalesce, or NULL would let them by.
    IF NOT FOUND OR NOT (ecpa.is_secretariat() OR coalesce(v_country = ecpa.my_country(), false)) THEN
        RAISE EXCEPTION 'this feedback letter is not yours to read'
            USING ERRCODE = '42501',
                  HINT = 'After publication the secretariat reads every letter and a national representative the letters of their own country''s entries.';
    END IF;
    RETURN QUERY
        SELECT s.criterion_code, s.comment
        FROM ecpa.scores s
        JOIN ecpa.criteria c ON c.edition_id = s.edition_id AND c.code = s.criterion_code
        WHERE s.entry_id = p_entry AND s.comment IS NOT NULL AND btrim(s.comment) <> ''
        ORDER BY c.position, encode(sha256(convert_to(s.comment, 'UTF8')), 'hex'), s.comment COLLATE "C";
END
$$;

REVOKE ALL ON FUNCTION ecpa.feedback_comments(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.feedback_comments(bigint) TO ecpa_secretariat, ecpa_national_representative;

RESET ROLE;
