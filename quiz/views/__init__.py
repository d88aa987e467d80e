"""Views, one module per audience: public.py, student.py, teacher.py."""
