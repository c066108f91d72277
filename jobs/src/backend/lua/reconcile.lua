-- reconcile: a live worker squares its in-flight list with what it actually holds. Its lease is
-- renewed, so recover never looks at that list; an id can still be there unknown to the worker
-- (a claim whose reply was lost) or with no outcome coming (an ack or fail that kept failing).
-- Every in-flight id the worker does not hold goes back: unrecorded runs keep their attempt,
-- unseen claims get it back. The fetched list is left to the worker's next claim.
-- ARGV: prefix, queue, worker id, number u of unrecorded ids, u unrecorded ids, held ids...
-- Returns: { returned to ready, dead-lettered }
local prefix, queue, wid, u = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local ran = argv_set(5, 4 + u)
local keep = argv_set(5 + u, #ARGV)
local requeued, dead = give_back(prefix, queue, wid, keep, ran,
  'the outcome of this run could not be recorded', false)
return { requeued, dead }
