-- CreateTable
CREATE TABLE "ReferenceCounter" (
    "kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "ReferenceCounter_pkey" PRIMARY KEY ("kind","year")
);


-- Start each year's incident counter at the highest number already used, so the next
-- reference is above every existing one (references are INC-YYYY-NNNN, NNNN may grow).
INSERT INTO "ReferenceCounter" ("kind", "year", "last")
SELECT 'incident', CAST(SUBSTR("reference", 5, 4) AS INTEGER), MAX(CAST(SUBSTR("reference", 10) AS INTEGER))
FROM "Incident"
WHERE "reference" LIKE 'INC-____-%'
GROUP BY SUBSTR("reference", 5, 4);
