from graphlib import TopologicalSorter

# A model of what Airflow does with a DAG file (Airflow is not
# installed here): tasks, dependencies, a run in dependency order.
DAG = {  # task -> the tasks it waits for (Airflow: a >> b)
    "extract_crm": set(),
    "extract_billing": set(),
    "clean": {"extract_crm", "extract_billing"},
    "load_warehouse": {"clean"},
    "refresh_dashboard": {"load_warehouse"},
    "notify_team": {"load_warehouse"},
}

sorter = TopologicalSorter(DAG)
sorter.prepare()  # also rejects cycles: a DAG must be acyclic
while sorter.is_active():
    ready = sorted(sorter.get_ready())  # these may run in parallel
    print("run together:", ready)
    #> run together: ['extract_billing', 'extract_crm']
    #> run together: ['clean']
    #> run together: ['load_warehouse']
    #> run together: ['notify_team', 'refresh_dashboard']
    for task in ready:  # a worker runs it, then reports success
        sorter.done(task)
