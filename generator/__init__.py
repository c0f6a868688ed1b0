"""Generate a public-sector information site with eligibility checklists from one rules.yaml."""
